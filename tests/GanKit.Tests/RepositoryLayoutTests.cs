using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GanKit.Tests;

/// <summary>
/// The layout rules of CONTRIBUTING.md, checked over the source tree so that a file in the wrong
/// namespace or a new friend assembly fails the build's tests instead of drifting in.
/// </summary>
public sealed partial class RepositoryLayoutTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_source_file_is_in_its_folders_namespace_except_the_builder_verbs()
    {
        var misplaced = new List<string>();
        foreach (string file in SourceFiles())
        {
            string relative = Path.GetRelativePath(Path.Combine(Root, "src"), file);
            string folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
            // Building/ holds what a user types to compose a network; it lives in the root namespace.
            string expected = folder == "GanKit.Building" ? "GanKit" : folder;
            var match = NamespaceLine().Match(File.ReadAllText(file));
            string actual = match.Success ? match.Groups[1].Value : "(none)";
            if (actual != expected)
            {
                misplaced.Add($"{relative}: namespace {actual}, expected {expected}");
            }
        }

        SourceFiles().Should().NotBeEmpty("the test must find the source tree");
        misplaced.Should().BeEmpty();
    }

    [Fact]
    public void No_shipped_library_opens_its_internals_to_another_library_or_the_benchmarks()
    {
        // Test projects and their helper processes live under tests/; nothing else may be a friend.
        var testAssemblies = Directory.GetFiles(Path.Combine(Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);
        var friends = new List<string>();
        foreach (string project in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            foreach (var item in XDocument.Load(project).Descendants("InternalsVisibleTo"))
            {
                string friend = (string?)item.Attribute("Include") ?? "";
                if (!testAssemblies.Contains(friend))
                {
                    friends.Add($"{Path.GetFileName(project)} -> {friend}");
                }
            }
        }

        friends.Should().BeEmpty("libraries use each other through their public API only");
    }

    [Fact]
    public void Only_the_root_of_the_core_uses_the_builder_verbs_so_no_folder_cycle_returns()
    {
        // Building/ uses Layers, Networks, Initialization and Regularization; none may use it back.
        string[] lower = ["Layers", "Networks", "Initialization", "Regularization", "Losses", "Data", "Imaging", "Metrics", "Internal", "Runtime"];
        var uses = new List<string>();
        foreach (string folder in lower)
        {
            string path = Path.Combine(Root, "src", "GanKit", folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (string file in Directory.GetFiles(path, "*.cs", SearchOption.AllDirectories))
            {
                var code = File.ReadLines(file).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal));
                uses.AddRange(code.Where(line => BuilderVerb().IsMatch(line)).Select(line => $"{Path.GetRelativePath(Root, file)}: {line.Trim()}"));
            }
        }

        uses.Should().BeEmpty();
    }

    [Fact]
    public void No_two_folders_of_the_core_import_each_other()
    {
        string core = Path.Combine(Root, "src", "GanKit");
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string file in SourceFiles().Where(file => file.StartsWith(core + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            string relative = Path.GetRelativePath(core, file);
            string folder = relative.Contains(Path.DirectorySeparatorChar) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar)] : "(root)";
            var used = imports.TryGetValue(folder, out var set) ? set : imports[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in CoreImport().Matches(File.ReadAllText(file)))
            {
                if (match.Groups[1].Value != folder)
                {
                    used.Add(match.Groups[1].Value);
                }
            }
        }

        var cycles = imports.SelectMany(pair => pair.Value.Where(other => imports.TryGetValue(other, out var back) && back.Contains(pair.Key)).Select(other => $"{pair.Key} <-> {other}"));
        imports.Should().ContainKey("Training", "the test must see the core's folders");
        cycles.Should().BeEmpty();
    }

    [Fact]
    public void The_core_library_holds_no_sweep_code()
    {
        Directory.Exists(Path.Combine(Root, "src", "GanKit", "Sweeps")).Should().BeFalse();
        SourceFiles()
            .Where(file => file.StartsWith(Path.Combine(Root, "src", "GanKit") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("GanKit.Sweeps", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GanKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GanKit.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^using (?:static )?GanKit\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex CoreImport();

    [GeneratedRegex(@"\b(GeneratorBuilder|DiscriminatorBuilder|Initializers|Regularizers)\b")]
    private static partial Regex BuilderVerb();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
