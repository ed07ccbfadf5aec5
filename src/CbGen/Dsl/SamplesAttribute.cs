using System;

namespace CbGen;

/// <summary>The number of training samples of one class (one member of a <see cref="ClassBalancedAttribute"/> enum),
/// and optionally the class's label as the data writes it.</summary>
/// <example>
/// <code>
/// [ClassBalanced(Beta = 0.999)]
/// public enum Vehicle { [Samples(900)] Bus, [Samples(120, Label = "pickup_truck")] PickupTruck }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
[System.Diagnostics.Conditional("CBGEN_KEEP_ATTRIBUTES")]
public sealed class SamplesAttribute : Attribute
{
    /// <summary>Declares that the class has <paramref name="count"/> training samples.</summary>
    /// <param name="count">The number of training samples, ≥ 1 (0 only with <see cref="ZeroCountPolicy.ZeroWeight"/>).</param>
    public SamplesAttribute(long count) => Count = count;

    /// <summary>The number of training samples.</summary>
    public long Count { get; }

    /// <summary>The class's label as the data writes it (e.g. <c>"pickup_truck"</c> for the member <c>PickupTruck</c>),
    /// when it is not the member's name: what the generated code that matches data labels to classes compares with
    /// (the ML.NET helpers <c>…ByName</c> and <c>…ByKey</c>). Null (the default): the member's name. Matched exactly
    /// (ordinal); it must hold a visible character, not only white space or invisible ones such as U+200B (CB065), and
    /// name one class only, neither another member's label nor, when that member has no label, its name (CB064).</summary>
    public string? Label { get; set; }
}
