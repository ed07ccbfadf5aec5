using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CbGen.Docs;

namespace CbGen.Generators.Tests;

/// <summary>The generator's source is laid out by stage: one model type per file under <c>Model/</c>, named after the
/// file; the parsers (<c>Parsing/</c>) depend on neither the clash planning (<c>Planning/</c>) nor the emitters.</summary>
public sealed class GeneratorLayoutTests
{
    private static readonly Regex TypeDeclaration = new(
        @"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|readonly|partial|file)\s+)*(?:record\s+struct|record|class|struct|interface|enum)\s+(\w+)",
        RegexOptions.Multiline);

    private static string Folder(string name) =>
        Path.Combine(DocsSnippets.RepositoryRoot(), "generators", "CbGen.Generators", name);

    [Fact]
    public void Each_model_file_declares_one_type_named_like_the_file()
    {
        string[] files = Directory.GetFiles(Folder("Model"), "*.cs");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            string[] types = TypeDeclaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToArray();
            Assert.True(types.SequenceEqual(new[] { Path.GetFileNameWithoutExtension(file) }),
                Path.GetFileName(file) + " declares " + string.Join(", ", types));
        });
    }

    [Theory]
    [InlineData("Emitting")]
    [InlineData("Planning")]
    public void The_parsers_do_not_use_a_later_stage(string stage)
    {
        string[] files = Directory.GetFiles(Folder("Parsing"), "*.cs");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
            Assert.DoesNotContain("CbGen.Generators." + stage, File.ReadAllText(file)));
    }

    [Fact]
    public void The_clash_planning_has_its_own_stage_folder()
    {
        Assert.True(File.Exists(Path.Combine(Folder("Planning"), "NameClashes.cs")));
        Assert.False(File.Exists(Path.Combine(Folder("Parsing"), "NameClashes.cs")));
    }
}
