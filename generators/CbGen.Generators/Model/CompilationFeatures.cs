namespace CbGen.Generators.Model;

/// <summary>What the generator needs to know about the whole compilation, reduced to four bools before any
/// Combine so that a compilation change re-runs nothing unless one of them flips.</summary>
/// <param name="HasTorchSharpRuntime">CbGen.TorchSharp is referenced: emit the typed losses too.</param>
/// <param name="HasCreateSpan">The target has <c>RuntimeHelpers.CreateSpan</c> (.NET 7+), so a
/// <c>ReadOnlySpan&lt;double&gt; P =&gt; new double[] { … }</c> property reads static data without allocating.
/// Otherwise the tables are cached in static readonly arrays.</param>
/// <param name="SupportsNullable">C# 8 or later: the files start with <c>#nullable enable</c> (C# 7.3, the
/// netstandard2.0 default, rejects the directive).</param>
/// <param name="HasMlNet">Microsoft.ML is referenced (its <c>ConversionsExtensionsCatalog</c> is visible): emit the
/// ML.NET weight-column helpers too.</param>
internal readonly record struct CompilationFeatures(bool HasTorchSharpRuntime, bool HasCreateSpan, bool SupportsNullable, bool HasMlNet = false);
