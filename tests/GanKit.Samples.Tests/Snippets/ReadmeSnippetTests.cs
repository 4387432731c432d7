using System.Text.RegularExpressions;

namespace GanKit.Samples.Tests.Snippets;

/// <summary>
/// Every C# block of the README must be found in a file the build compiles: its using directives
/// among the file's, and its other lines, in order and without gaps (blank lines and indentation
/// aside), in the file. A README edit that is not made in the sample too fails here.
/// </summary>
public sealed partial class ReadmeSnippetTests
{

    [Fact]
    public void Every_csharp_block_of_the_readme_is_a_compiled_sample()
    {
        string root = RepositoryRoot();
        // Every sample is a project the solution builds; bin/ and obj/ hold generated files only.
        var files = Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => (Path: path, Lines: Significant(File.ReadAllLines(path))))
            .ToList();
        var blocks = CsharpBlocks(File.ReadAllLines(Path.Combine(root, "README.md"))).ToList();

        blocks.Should().HaveCountGreaterThan(8, "the README shows the quickstart and one block per feature");
        var missing = blocks.Where(block => !files.Any(file => Contains(file.Lines, block.Lines))).Select(b => $"README line {b.Line}: {b.Lines.FirstOrDefault()}").ToList();
        missing.Should().BeEmpty("each README block must match a compiled file under samples/ (most live in samples/GanKit.Samples.Snippets)");
    }

    [Fact]
    public void A_changed_line_is_not_found()
    {
        string[] file = Significant(["using GanKit;", "", "namespace X;", "class A", "{", "    var a = 1;", "    var b = 2;", "}"]);

        Contains(file, Significant(["using GanKit;", "var a = 1;", "var b = 2;"])).Should().BeTrue();
        Contains(file, Significant(["var a = 1;", "var b = 3;"])).Should().BeFalse();
        Contains(file, Significant(["using GanKit.Mnist;", "var a = 1;"])).Should().BeFalse("a missing using directive is a README snippet that does not compile");
        Contains(file, Significant(["var b = 2;", "var a = 1;"])).Should().BeFalse();
    }

    private static bool Contains(string[] file, string[] block)
    {
        var usings = block.Where(IsUsingDirective).ToHashSet(StringComparer.Ordinal);
        var body = block.Where(line => !IsUsingDirective(line)).ToArray();
        if (!usings.IsSubsetOf(file.Where(IsUsingDirective)))
        {
            return false;
        }

        for (int start = 0; start + body.Length <= file.Length; start++)
        {
            if (file.AsSpan(start, body.Length).SequenceEqual(body))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUsingDirective(string line) => UsingDirective().IsMatch(line);

    private static string[] Significant(IEnumerable<string> lines) => lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static IEnumerable<(int Line, string[] Lines)> CsharpBlocks(string[] readme)
    {
        for (int i = 0; i < readme.Length; i++)
        {
            if (readme[i].Trim() != "```csharp")
            {
                continue;
            }

            int start = i + 1;
            int end = start;
            while (end < readme.Length && readme[end].Trim() != "```")
            {
                end++;
            }

            yield return (start + 1, Significant(readme[start..end]));
            i = end;
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GanKit.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"GanKit.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^using (static )?[A-Za-z_][A-Za-z0-9_.]*( = [A-Za-z0-9_.<>]+)?;$")]
    private static partial Regex UsingDirective();
}
