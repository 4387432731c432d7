using System.Diagnostics;
using GanKit.TestSupport;
using GanKit.Tests.TestSupport;

namespace GanKit.Tests.Runtime;

// scripts/install-prerequisites.sh decides whether to touch a machine's packages: these run it
// on a pretended Debian 12 with a stand-in apt-get and apt folder, so every decision is exercised
// on any machine (this one may already have the right libstdc++).
public sealed class InstallPrerequisitesScriptTests : IDisposable
{
    private const string FakeAptGet = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_APT_LOG"
        case " $* " in
          *" -s install "*) echo "Inst libc6 [2.36-9+deb12u10] (2.41-12 Debian:13.2/stable [amd64])"; echo "Inst libstdc++6 [12.2.0-14] (14.2.0-19 Debian:13.2/stable [amd64])" ;;
          *" install -y "*) echo "GLIBCXX_3.4.32" >> "$FAKE_LIBSTDCXX" ;;
        esac
        """;

    private readonly TempDirectory _dir = new();

    public InstallPrerequisitesScriptTests()
    {
        File.WriteAllText(_dir.Combine("os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        File.WriteAllText(_dir.Combine("libstdc++.so.6"), "GLIBCXX_3.4.30 GLIBCXX_3.4.31\n");
        File.WriteAllText(_dir.Combine("apt-get"), FakeAptGet.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_dir.Combine("apt-get"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.CreateDirectory(_dir.Combine("apt", "sources.list.d"));
        Directory.CreateDirectory(_dir.Combine("apt", "preferences.d"));
    }

    private string AptLog => File.Exists(_dir.Combine("apt.log")) ? File.ReadAllText(_dir.Combine("apt.log")) : string.Empty;

    private bool SourceAdded => File.Exists(_dir.Combine("apt", "sources.list.d", "gankit-trixie.sources"));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Without_a_terminal_or_yes_it_prints_the_simulated_changes_and_changes_nothing()
    {
        var (status, output, error) = await Run();

        status.Should().Be(1);
        output.Should().Contain("Inst libc6").And.Contain("gankit-trixie");
        error.Should().Contain("--yes");
        SourceAdded.Should().BeFalse();
        AptLog.Should().Contain("-s install -t trixie libstdc++6").And.NotContain("install -y");
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        var (status, output, _) = await Run("--dry-run", ci: "true");

        status.Should().Be(0);
        output.Should().Contain("Inst libstdc++6").And.Contain("nothing was changed");
        SourceAdded.Should().BeFalse();
        AptLog.Should().NotContain("install -y");
    }

    [Theory]
    [InlineData("--yes", null)]
    [InlineData(null, "true")]
    public async Task Yes_or_CI_goes_ahead_after_printing_the_plan(string? flag, string? ci)
    {
        var (status, output, _) = await Run(flag, ci);

        status.Should().Be(0);
        output.Should().Contain("Inst libc6").And.Contain("is now available");
        output.IndexOf("Inst libc6", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("is now available", StringComparison.Ordinal));
        SourceAdded.Should().BeTrue();
        AptLog.Should().Contain("install -y -qq -t trixie libstdc++6");
    }

    [Fact]
    public async Task A_library_that_already_has_the_symbol_means_nothing_to_do()
    {
        File.AppendAllText(_dir.Combine("libstdc++.so.6"), "GLIBCXX_3.4.32\n");

        var (status, output, _) = await Run("--yes");

        status.Should().Be(0);
        output.Should().Contain("nothing to do");
        AptLog.Should().BeEmpty();
    }

    private async Task<(int Status, string Output, string Error)> Run(string? flag = null, string? ci = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "install-prerequisites.sh"));
        if (flag is not null)
        {
            start.ArgumentList.Add(flag);
        }

        start.Environment.Remove("CI");
        if (ci is not null)
        {
            start.Environment["CI"] = ci;
        }

        start.Environment["GANKIT_LIBSTDCXX"] = _dir.Combine("libstdc++.so.6");
        start.Environment["GANKIT_OS_RELEASE"] = _dir.Combine("os-release");
        start.Environment["GANKIT_APT_GET"] = _dir.Combine("apt-get");
        start.Environment["GANKIT_APT_ETC"] = _dir.Combine("apt");
        start.Environment["FAKE_APT_LOG"] = _dir.Combine("apt.log");
        start.Environment["FAKE_LIBSTDCXX"] = _dir.Combine("libstdc++.so.6");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await FluentActions.Awaiting(() => process.WaitForExitAsync(timeout.Token)).Should().NotThrowAsync("the script must not wait for an answer without a terminal");
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GanKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GanKit.sln not found above the test's folder.");
    }
}
