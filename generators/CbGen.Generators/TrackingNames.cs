namespace CbGen.Generators
{
    /// <summary>Names of the pipeline steps, so tests can check that each one caches.</summary>
    public static class TrackingNames
    {
        /// <summary>The per-enum model built from <c>ForAttributeWithMetadataName</c>.</summary>
        public const string Enums = nameof(Enums);

        /// <summary>The compilation reduced to <c>CompilationFeatures</c>.</summary>
        public const string Features = nameof(Features);

        /// <summary>Each enum model combined with the features.</summary>
        public const string EnumsWithFeatures = nameof(EnumsWithFeatures);
    }
}
