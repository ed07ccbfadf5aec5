namespace CbGen.Examples.Tests;

/// <summary>
/// The tests that train or initialise models: they seed torch's process-wide generator (<c>torch.manual_seed</c>)
/// and draw from it, so two of them running at once would interleave their draws and break the same-seed checks.
/// They run one at a time, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Training (torch's global generator)";
}
