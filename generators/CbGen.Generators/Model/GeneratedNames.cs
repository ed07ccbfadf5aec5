using System.Collections.Generic;

namespace CbGen.Generators.Model;

/// <summary>The names one <c>[ClassBalanced]</c> config writes, and when it writes each: the one list the clash stage
/// (CB010: a config claims only what it generates), the metadata-length check (CB026) and the generator's decision
/// to emit the ML.NET helpers read, so they cannot drift apart. The emitters write these names.</summary>
internal static class GeneratedNames
{
    /// <summary>The static class of tables, <c>{Name}Weights</c>.</summary>
    public static string Weights(string typeName) => typeName + "Weights";

    /// <summary>The typed TorchSharp loss, <c>{Name}Loss</c>.</summary>
    public static string Loss(string typeName) => typeName + "Loss";

    /// <summary>The ML.NET helpers' static class, <c>{Name}WeightsMlNet</c>.</summary>
    public static string MlNet(string typeName) => Weights(typeName) + "MlNet";

    /// <summary>What the ML.NET helper by key appends to <see cref="Weights"/>.</summary>
    public const string ByKeySuffix = "ByKey";

    /// <summary>What the ML.NET helper by class index (Int32 labels) appends to <see cref="Weights"/>.</summary>
    public const string ByIndexSuffix = "ByIndex";

    /// <summary>What the ML.NET helper by label name appends to <see cref="Weights"/>.</summary>
    public const string ByNameSuffix = "ByName";

    /// <summary>The ML.NET helpers' extension methods (by key, by class index, by label name), members of
    /// <see cref="MlNet"/>. In the global namespace <c>{Name}WeightsByIndex</c> is the longest name a config writes.</summary>
    public static IEnumerable<string> MlNetMethods(string typeName)
    {
        yield return Weights(typeName) + ByKeySuffix;
        yield return Weights(typeName) + ByIndexSuffix;
        yield return Weights(typeName) + ByNameSuffix;
    }

    /// <summary>Whether a config gets the ML.NET helpers: they add the class-balanced weight column, so only with
    /// Microsoft.ML referenced and a loss that uses weights.</summary>
    public static bool EmitsMlNet(bool usesWeights, CompilationFeatures features) => features.HasMlNet && usesWeights;

    /// <summary>The namespace-level types a config generates, <see cref="Weights"/> first.</summary>
    public static IEnumerable<string> Types(string typeName, bool usesWeights, CompilationFeatures features)
    {
        yield return Weights(typeName);
        if (features.HasTorchSharpRuntime)
        {
            yield return Loss(typeName);
        }

        if (EmitsMlNet(usesWeights, features))
        {
            yield return MlNet(typeName);
        }
    }

    /// <summary>Every metadata name a config generates whose length grows with its name: the types qualified with
    /// <paramref name="metadataNamespace"/> (no '@' escapes; null for the global namespace), and the ML.NET
    /// extension methods (a member's metadata name is its own).</summary>
    public static IEnumerable<string> MetadataNames(string? metadataNamespace, string typeName, bool usesWeights, CompilationFeatures features)
    {
        string prefix = metadataNamespace is null ? string.Empty : metadataNamespace + ".";
        foreach (string type in Types(typeName, usesWeights, features))
        {
            yield return prefix + type;
        }

        if (EmitsMlNet(usesWeights, features))
        {
            foreach (string method in MlNetMethods(typeName))
            {
                yield return method;
            }
        }
    }
}
