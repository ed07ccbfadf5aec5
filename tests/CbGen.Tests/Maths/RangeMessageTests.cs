using System;

namespace CbGen.Tests.Maths;

/// <summary>A value out of range is named once, in the invariant culture, inside the sentence that gives the rule
/// ("…; got 1.5."): the exception is still an <see cref="ArgumentOutOfRangeException"/> with the parameter's name, but
/// without .NET's second "Actual value was 1.5." line (written in the current culture).</summary>
public class RangeMessageTests
{
    public static TheoryData<string, string, Action> OutOfRange => new()
    {
        { "beta", "got 1.5.", () => EffectiveNumber.Of(3, 1.5) },
        { "n", "got -2.", () => EffectiveNumber.Of(-2, 0.9) },
        { "maxMargin", "got -0.25.", () => LdamMargins.Compute(new long[] { 5, 1 }, -0.25) },
        { "tau", "got -0.5.", () => ClassPriors.ValidateTau(-0.5, "tau") },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void The_value_appears_once(string param, string got, Action act)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(act);
        Assert.Equal(param, e.ParamName);
        Assert.Contains(got, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", e.Message, StringComparison.Ordinal);
        string value = got.Substring(4, got.Length - 5);
        Assert.Equal(e.Message.IndexOf(value, StringComparison.Ordinal), e.Message.LastIndexOf(value, StringComparison.Ordinal));
    }
}
