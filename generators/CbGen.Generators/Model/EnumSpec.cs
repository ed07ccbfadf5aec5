using System.Linq;
using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>
/// An annotated label enum as the emitter needs it: names as strings, counts as numbers, configs as records.
/// Value-equatable, so an edit elsewhere leaves the pipeline cached. <see cref="Members"/> are sorted by value
/// (the class index). <see cref="CountsFile"/> names the counts file of a <c>[ClassBalancedDataset]</c> label
/// set (null for a hand-annotated enum). <see cref="Failure"/> holds the message of an unexpected exception instead of a model.
/// <see cref="Deprecation"/> holds the <c>[Obsolete]</c>/<c>[Experimental]</c> attribute lines of the enum (or of a
/// containing type), copied onto every generated type so that the generated code compiles without CS0612/CS0618/CS0619
/// or the experimental diagnostic (an obsolete or experimental context may use obsolete or experimental types).
/// </summary>
internal sealed record EnumSpec(
    string? Namespace,
    string EnumName,
    string FullyQualifiedEnumName,
    string HintPrefix,
    bool IsPublic,
    EquatableArray<MemberSpec> Members,
    EquatableArray<ConfigSpec> Configs,
    string? Failure,
    string? CountsFile = null,
    string? Deprecation = null)
{
    public static EnumSpec Failed(string enumName, string message) =>
        new EnumSpec(null, enumName, enumName, enumName, false, EquatableArray<MemberSpec>.Empty,
            EquatableArray<ConfigSpec>.Empty, message);

    /// <summary>This enum with its configs' locations dropped: what the emitters read, so that a line typed above the
    /// enum changes nothing they see.</summary>
    public EnumSpec WithoutLocations() =>
        this with { Configs = Configs.Select(c => c.WithoutLocation()).ToEquatableArray() };
}
