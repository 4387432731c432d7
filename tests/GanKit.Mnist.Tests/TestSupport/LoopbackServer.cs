using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GanKit.Mnist.Tests.TestSupport;

/// <summary>An HTTP server on 127.0.0.1 whose answers a test scripts, recording every path asked for.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, int, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _loop;

    /// <param name="handler">Answers one request; gets the context and how many times this path was asked for before.</param>
    public LoopbackServer(Func<HttpListenerContext, int, CancellationToken, Task> handler)
    {
        _handler = handler;
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/mnist/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public int RequestsFor(string fileName) => _requests.Count(path => path.EndsWith("/" + fileName, StringComparison.Ordinal));

    /// <summary>A server that answers <c>name.gz</c> with the gzipped <paramref name="content"/> of <c>name</c>, and 404 otherwise.</summary>
    public static LoopbackServer Serving(Func<string, byte[]?> content) => new(async (context, _, _) =>
    {
        string name = Path.GetFileName(context.Request.Url!.AbsolutePath);
        byte[]? bytes = name.EndsWith(".gz", StringComparison.Ordinal) ? content(name[..^3]) : null;
        await RespondAsync(context, bytes is null ? 404 : 200, bytes is null ? [] : IdxFiles.Gzip(bytes));
    });

    public static async Task RespondAsync(HttpListenerContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        var seen = new ConcurrentDictionary<string, int>();
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            string path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue(path);
            int previous = seen.AddOrUpdate(path, 0, (_, n) => n + 1);
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context, previous, _stopping.Token);
                }
                catch (Exception)
                {
                    // The client gave up (timeout tests) or the server is stopping: nothing to answer.
                    context.Response.Abort();
                }
            });
        }
    }
}
