using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model
{
    /// <summary>
    /// An annotated label enum as the emitter needs it: names as strings, counts as numbers, configs as records.
    /// Value-equatable, so an edit elsewhere leaves the pipeline cached. <see cref="Members"/> are sorted by value
    /// (the class index). <see cref="CountsFile"/> names the counts file of a <c>[ClassBalancedDataset]</c> label
    /// set (null for a hand-annotated enum). <see cref="Failure"/> holds the message of an unexpected exception instead of a model.
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
        string? CountsFile = null)
    {
        public static EnumSpec Failed(string enumName, string message) =>
            new EnumSpec(null, enumName, enumName, enumName, false, EquatableArray<MemberSpec>.Empty,
                EquatableArray<ConfigSpec>.Empty, message);
    }
}
