namespace CbGen.Package.Tests;

/// <summary>One pack per test run, shared by every test class that needs the packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
