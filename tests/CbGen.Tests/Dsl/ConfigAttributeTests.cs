using System;
using System.Linq;
using System.Reflection;

namespace CbGen.Tests.Dsl;

/// <summary>[ClassBalanced] and [ClassBalancedDataset] take their options from one definition,
/// <see cref="ClassBalancedOptionsAttribute"/>, so the two cannot drift.</summary>
public sealed class ConfigAttributeTests
{
    private static string[] OwnProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => p.Name).ToArray();

    [Fact]
    public void The_two_config_attributes_declare_no_option_of_their_own()
    {
        Assert.Equal(typeof(ClassBalancedOptionsAttribute), typeof(ClassBalancedAttribute).BaseType);
        Assert.Equal(typeof(ClassBalancedOptionsAttribute), typeof(ClassBalancedDatasetAttribute).BaseType);
        Assert.Empty(OwnProperties(typeof(ClassBalancedAttribute)));
        Assert.Equal(new[] { nameof(ClassBalancedDatasetAttribute.CountsFile) }, OwnProperties(typeof(ClassBalancedDatasetAttribute)));
        Assert.Equal(
            new[]
            {
                "Beta", "BiasScale", "Clip", "DeferUntilEpoch", "Device", "Gamma", "GammaNegative", "GammaPositive", "Loss", "MaxMargin", "MultiLabel", "Name",
                "NegativeScale", "Normalizer", "Samples", "SamplingPower", "Scale", "SmoothingAlpha", "SmoothingBeta", "SmoothingMu", "Tau", "VsGamma", "ZeroCounts",
            },
            OwnProperties(typeof(ClassBalancedOptionsAttribute)).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Only_this_assembly_can_derive_from_the_options()
    {
        Type options = typeof(ClassBalancedOptionsAttribute);
        Assert.True(options.IsAbstract);
        ConstructorInfo[] constructors = options.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.All(constructors, c => Assert.True(c.IsFamilyAndAssembly, c + " is visible outside CbGen"));
        Assert.True(typeof(ClassBalancedAttribute).IsSealed);
        Assert.True(typeof(ClassBalancedDatasetAttribute).IsSealed);
    }

    [Fact]
    public void Both_attributes_start_from_the_papers_defaults()
    {
        foreach (ClassBalancedOptionsAttribute a in new ClassBalancedOptionsAttribute[] { new ClassBalancedAttribute(), new ClassBalancedDatasetAttribute("x.csv") })
        {
            Assert.Equal(0.999, a.Beta);
            Assert.Equal(2.0, a.Gamma);
            Assert.Equal(1.0, a.Tau);
            Assert.Equal(0.5, a.MaxMargin);
            Assert.Equal(30.0, a.Scale);
            Assert.Equal(CbLoss.Softmax, a.Loss);
            Assert.Equal(0, a.DeferUntilEpoch);
            Assert.Equal(0, a.Samples);          // single-label: no N
            Assert.False(a.MultiLabel);
            Assert.Null(a.Name);
        }
    }
}
