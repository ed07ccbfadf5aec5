namespace CbGen.Generators.Model;

/// <summary>A sweep over a hand-annotated enum.</summary>
internal sealed record EnumSweepSpec(EnumSpec Enum, SweepSpec Sweep)
{
    /// <summary>This sweep and its enum without locations: what the emitters read.</summary>
    public EnumSweepSpec WithoutLocations() => new EnumSweepSpec(Enum.WithoutLocations(), Sweep.WithoutLocation());
}
