namespace CbGen.Generators.Model
{
    /// <summary>A sweep over a hand-annotated enum.</summary>
    internal sealed record EnumSweepSpec(EnumSpec Enum, SweepSpec Sweep);
}
