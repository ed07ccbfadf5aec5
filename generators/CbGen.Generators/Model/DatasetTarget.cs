using System.Linq;
using CbGen.Generators.Helpers;

namespace CbGen.Generators.Model;

/// <summary>A <c>[ClassBalancedDataset]</c> class as read from source, before its counts file is joined in. Holds
/// only the valid configs; null sweep when there is none (or it is invalid).</summary>
internal sealed record DatasetTarget(
    string? Namespace,
    string ClassName,
    string FullyQualifiedClassName,
    string HintPrefix,
    bool IsPublic,
    string CountsFile,
    EquatableArray<ConfigSpec> Configs,
    SweepSpec? Sweep,
    LocationInfo? Location = null,
    string? Deprecation = null)
{
    /// <summary>This class without its <see cref="Location"/> and its configs' and sweep's: what the emitters read.</summary>
    public DatasetTarget WithoutLocations() =>
        this with { Location = null, Configs = Configs.Select(c => c.WithoutLocation()).ToEquatableArray(), Sweep = Sweep?.WithoutLocation() };
}
