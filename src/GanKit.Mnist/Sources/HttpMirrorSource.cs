using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace GanKit.Mnist.Sources;

/// <summary>Downloads the <c>.gz</c> files from a list of HTTP mirrors, retrying what may pass and moving on from what will not.</summary>
/// <remarks>
/// Failures are sorted by whether waiting can help. Timeouts, 5xx/408/429 answers and cut-off
/// bodies are retried with doubling delays. A 4xx answer or wrong bytes move on to the next mirror.
/// A mirror that cannot be reached at all (no name resolution, connection refused) is skipped for
/// the remaining files too, so an offline machine falls through to the next source at once.
/// </remarks>
internal sealed class HttpMirrorSource : IMnistSource
{
    private const int ProgressStep = 1 << 18;

    private readonly IReadOnlyList<Uri> _mirrors;
    private readonly MnistLoadOptions _options;
    private readonly ILogger _logger;
    private readonly IProgress<MnistDownloadProgress>? _progress;
    private readonly Func<HttpMessageHandler> _handlerFactory;

    /// <summary>Creates a source over <paramref name="mirrors"/> with the timeouts and retries of <paramref name="options"/>, reporting to <paramref name="progress"/>.</summary>
    public HttpMirrorSource(IReadOnlyList<Uri> mirrors, MnistLoadOptions options, ILogger logger, IProgress<MnistDownloadProgress>? progress = null, Func<HttpMessageHandler>? handlerFactory = null)
    {
        _mirrors = mirrors;
        _options = options;
        _logger = logger;
        _progress = progress;
        _handlerFactory = handlerFactory ?? (() => new SocketsHttpHandler
        {
            ConnectTimeout = options.RequestTimeout,
            AutomaticDecompression = DecompressionMethods.None,
        });
    }

    /// <inheritdoc />
    public string Description => $"HTTP mirrors ({string.Join(", ", _mirrors)})";

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string directory, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(_handlerFactory(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("GanKit.Mnist", typeof(HttpMirrorSource).Assembly.GetName().Version?.ToString() ?? "0"));

        var unreachable = new HashSet<Uri>();
        var failures = new List<string>();
        foreach (string fileName in fileNames)
        {
            bool stored = false;
            foreach (Uri mirror in _mirrors)
            {
                string url = UrlOf(mirror, fileName);
                if (unreachable.Contains(mirror))
                {
                    continue;
                }

                try
                {
                    await DownloadAsync(client, mirror, url, fileName, directory, cancellationToken).ConfigureAwait(false);
                    stored = true;
                    break;
                }
                catch (MirrorUnreachableException ex)
                {
                    unreachable.Add(mirror);
                    failures.Add($"{url}: {ex.Message}");
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or InvalidDataException)
                {
                    failures.Add($"{url}: {ex.Message}");
                }
            }

            if (!stored && failures.Count == 0)
            {
                failures.Add($"{fileName}: no mirror was tried");
            }
        }

        if (fileNames.Any(name => MnistDirectory.Find(directory, name) is null))
        {
            throw new IOException(string.Join("; ", failures));
        }
    }

    private static string UrlOf(Uri mirror, string fileName) => $"{mirror.AbsoluteUri.TrimEnd('/')}/{fileName}.gz";

    private async Task DownloadAsync(HttpClient client, Uri mirror, string url, string fileName, string directory, CancellationToken cancellationToken)
    {
        string download = Path.Combine(directory, $".{fileName}.gz.{Guid.NewGuid():N}.download");
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    long bytes = await DownloadOnceAsync(client, mirror, url, fileName, download, cancellationToken).ConfigureAwait(false);
                    Log.Downloaded(_logger, url, bytes);
                    break;
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < _options.MaxAttempts)
                {
                    Log.AttemptFailed(_logger, attempt, _options.MaxAttempts, url, ex.Message);
                    await Task.Delay(_options.RetryDelay * Math.Pow(2, attempt - 1), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    Log.AttemptFailed(_logger, attempt, _options.MaxAttempts, url, ex.Message);
                    throw new IOException($"{ex.Message} (gave up after {attempt} attempts)", ex);
                }
            }

            await using var content = new FileStream(download, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
            string sha = await VerifiedFile.StoreAsync(content, directory, fileName, _options.ExpectedHashFor(fileName), _options.ExpectedSizeFor(fileName), url, cancellationToken).ConfigureAwait(false);
            Log.StoredFile(_logger, fileName, directory, sha);
        }
        finally
        {
            VerifiedFile.TryDelete(download);
        }
    }

    private async Task<long> DownloadOnceAsync(HttpClient client, Uri mirror, string url, string fileName, string download, CancellationToken cancellationToken)
    {
        // One timer, restarted before each wait, so the limit is on silence, not on total time: a
        // slow but steady 10 MB download is fine, a server that stops sending is not.
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timer.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", inner: null, response.StatusCode);
            }

            long? total = response.Content.Headers.ContentLength;
            string servedName = fileName + ".gz";
            await using var body = await response.Content.ReadAsStreamAsync(timer.Token).ConfigureAwait(false);
            await using var output = new FileStream(download, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long received = 0;
            long reported = 0;
            while (true)
            {
                timer.CancelAfter(_options.RequestTimeout);
                int n = await body.ReadAsync(buffer, timer.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, n), timer.Token).ConfigureAwait(false);
                received += n;
                if (received - reported >= ProgressStep)
                {
                    _progress?.Report(new MnistDownloadProgress(servedName, mirror, received, total));
                    reported = received;
                }
            }

            _progress?.Report(new MnistDownloadProgress(servedName, mirror, received, total));
            if (total is { } expected && received != expected)
            {
                throw new IOException($"the body ended after {received} of {expected} bytes");
            }

            return received;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no data for {_options.RequestTimeout.TotalSeconds:0.###} s (timed out)", ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            throw new MirrorUnreachableException($"cannot reach {mirror.Host} ({ex.Message})", ex);
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return ex switch
        {
            TimeoutException => true,
            MirrorUnreachableException => false,
            HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
            HttpRequestException => true,
            IOException => true,
            _ => false,
        };
    }

    /// <summary>The mirror's host cannot be reached at all; retrying it or asking it for other files is pointless.</summary>
    private sealed class MirrorUnreachableException(string message, Exception inner) : IOException(message, inner);
}
