using CbGen.Cli.Emit;

namespace CbGen.Cli.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("airplane", "Airplane")]
    [InlineData("pickup_truck", "PickupTruck")]
    [InlineData("T-shirt/top", "TShirtTop")]
    [InlineData("Ankle boot", "AnkleBoot")]
    [InlineData("7", "_7")]
    [InlineData("3d", "_3d")]
    [InlineData("!!!", "_")]
    [InlineData("élan vital", "ÉlanVital")]
    public void Pascal(string name, string expected) => Assert.Equal(expected, CSharpIdentifiers.Pascal(name));

    [Theory]
    [InlineData("pickup truck", "pickup_truck")]
    [InlineData("3d", "_3d")]
    [InlineData("class", "class")]
    [InlineData("", "_")]
    [InlineData("x<y & z", "x_y_z")]
    [InlineData("  a--b  ", "a_b")]
    [InlineData("e\u0301cole", "\u00e9cole")]
    [InlineData("value__", "value___")]
    public void Verbatim(string name, string expected) => Assert.Equal(expected, CSharpIdentifiers.Verbatim(name));

    [Theory]
    [InlineData("Foo", true)]
    [InlineData("_foo1", true)]
    [InlineData("@class", true)]
    [InlineData("class", true)]
    [InlineData("1foo", false)]
    [InlineData("foo-bar", false)]
    [InlineData("", false)]
    [InlineData("@", false)]
    public void IsValid(string name, bool expected) => Assert.Equal(expected, CSharpIdentifiers.IsValid(name));

    [Fact]
    public void Member_names_are_unique_and_escaped()
    {
        var names = CSharpIdentifiers.MemberNames(new[] { "value__", "for", "for", "E" }, MemberNaming.Verbatim, "E");
        Assert.Equal(new[] { "value___", "@for", "for_2", "E_2" }, names);
    }
}
