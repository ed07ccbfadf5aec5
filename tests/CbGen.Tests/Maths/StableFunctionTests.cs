using System;
using System.Reflection;

namespace CbGen.Tests.Maths;

/// <summary>
/// EffectiveNumber's log1p and expm1 helpers on their own, including the inputs the public API never passes them
/// (u ≤ 0, infinities): they are general functions with a contract, so each branch is checked against Math.Log/Exp.
/// Internal to CbGen (which grants no InternalsVisibleTo, the file being linked into the generator too), so they are
/// called by reflection.
/// </summary>
public class StableFunctionTests
{
    private static double Call(string name, double x)
    {
        MethodInfo method = typeof(EffectiveNumber).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("EffectiveNumber." + name + " not found");
        return (double)method.Invoke(null, new object[] { x })!;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(1e-3)]
    [InlineData(-0.999)]
    [InlineData(1e10)]
    public void Log1p_matches_the_plain_formula_where_it_is_accurate(double x)
    {
        double expected = Math.Log(1.0 + x);
        Assert.True(Math.Abs(Call("Log1p", x) - expected) <= 1e-15 * Math.Max(1.0, Math.Abs(expected)), $"log1p({x})");
    }

    [Fact]
    public void Log1p_special_inputs()
    {
        Assert.Equal(1e-20, Call("Log1p", 1e-20));                                  // 1 + x rounds to 1: x itself
        Assert.Equal(-1e-20, Call("Log1p", -1e-20));
        Assert.True(Math.Abs(Call("Log1p", 1e-10) - (1e-10 - 0.5e-20)) < 1e-25);     // beats Math.Log(1 + 1e-10)
        Assert.Equal(double.NegativeInfinity, Call("Log1p", -1.0));                 // u = 0
        Assert.True(double.IsNaN(Call("Log1p", -2.0)));                            // u < 0
        Assert.Equal(double.PositiveInfinity, Call("Log1p", double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(-30.0)]
    [InlineData(2.0)]
    public void Expm1_matches_the_plain_formula_where_it_is_accurate(double x)
    {
        double expected = Math.Exp(x) - 1.0;
        Assert.True(Math.Abs(Call("Expm1", x) - expected) <= 1e-15 * Math.Max(1.0, Math.Abs(expected)), $"expm1({x})");
    }

    [Fact]
    public void Expm1_special_inputs()
    {
        Assert.Equal(-1.0, Call("Expm1", double.NegativeInfinity));
        Assert.Equal(-1.0, Call("Expm1", -800.0));                                 // exp underflows to 0
        Assert.Equal(double.PositiveInfinity, Call("Expm1", 800.0));               // exp overflows
        Assert.Equal(double.PositiveInfinity, Call("Expm1", double.PositiveInfinity));
        Assert.Equal(1e-20, Call("Expm1", 1e-20));                                 // exp(x) rounds to 1: x itself
        Assert.Equal(-1e-20, Call("Expm1", -1e-20));
        Assert.True(Math.Abs(Call("Expm1", 1e-10) - (1e-10 + 0.5e-20)) < 1e-25);    // beats Math.Exp(1e-10) - 1
    }
}
