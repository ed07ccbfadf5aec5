namespace CbGen.Generators;

/// <summary>Names of the pipeline steps, so tests can check that each one caches.</summary>
public static class TrackingNames
{
    /// <summary>The per-enum model of <c>[ClassBalanced]</c>, parsed from the declarations <c>AnnotatedTypes</c> finds.</summary>
    public const string Enums = nameof(Enums);

    /// <summary>The compilation reduced to <c>CompilationFeatures</c>.</summary>
    public const string Features = nameof(Features);

    /// <summary>Each enum model combined with the features.</summary>
    public const string EnumsWithFeatures = nameof(EnumsWithFeatures);

    /// <summary>The per-enum sweep model (<c>[ClassBalancedSweep]</c> on an enum).</summary>
    public const string Sweeps = nameof(Sweeps);

    /// <summary>Each sweep combined with the features.</summary>
    public const string SweepsWithFeatures = nameof(SweepsWithFeatures);

    /// <summary>The per-class model of <c>[ClassBalancedDataset]</c> (before its counts file is read).</summary>
    public const string DatasetTargets = nameof(DatasetTargets);

    /// <summary>The counts-file names the dataset classes ask for.</summary>
    public const string CountsFileNames = nameof(CountsFileNames);

    /// <summary>Each requested AdditionalFile, parsed.</summary>
    public const string CountsFiles = nameof(CountsFiles);

    /// <summary>Each dataset class joined with its parsed counts file.</summary>
    public const string Datasets = nameof(Datasets);

    /// <summary>Each dataset combined with the features.</summary>
    public const string DatasetsWithFeatures = nameof(DatasetsWithFeatures);

    /// <summary>The user's namespace-level types and namespaces named like generated types.</summary>
    public const string UserDeclarations = nameof(UserDeclarations);

    /// <summary>The clash stage: every unit to emit checked against each other and the user's declarations.</summary>
    public const string NameClashes = nameof(NameClashes);

    /// <summary>The clash stage's location-free plan (what not to emit, which hint names to change).</summary>
    public const string OutputPlan = nameof(OutputPlan);

    /// <summary>Each enum model without locations: what the emitters read.</summary>
    public const string EnumsToEmit = nameof(EnumsToEmit);

    /// <summary>Each sweep model without locations: what the emitters read.</summary>
    public const string SweepsToEmit = nameof(SweepsToEmit);

    /// <summary>Each dataset without locations or diagnostics: what the emitters read.</summary>
    public const string DatasetsToEmit = nameof(DatasetsToEmit);

    /// <summary>The diagnostics of each dataset's counts file, reported by their own output.</summary>
    public const string DatasetDiagnostics = nameof(DatasetDiagnostics);
}
