namespace CbGen.Generators.Model;

/// <summary>The knobs of the distribution-balanced loss (α, β, μ, λ, κ of Wu et al. 2020) and of the asymmetric loss
/// (γ+, γ−, m of Ridnik et al. 2021) as written or defaulted, and which were written (for CB030). Value-equatable, so it
/// takes part in the pipeline's caching.</summary>
internal readonly record struct MultiLabelKnobs(
    double SmoothingAlpha, double SmoothingBeta, double SmoothingMu, double NegativeScale, double BiasScale,
    double GammaPositive, double GammaNegative, double Clip, bool DbSet, bool AslSet)
{
    /// <summary>The attribute's defaults, none written.</summary>
    public static MultiLabelKnobs Default => new MultiLabelKnobs(CbDefaults.DbAlpha, CbDefaults.DbBeta, CbDefaults.DbMu,
        CbDefaults.DbLambda, CbDefaults.DbKappa, CbDefaults.AslGammaPositive, CbDefaults.AslGammaNegative, CbDefaults.AslClip,
        false, false);

    /// <summary>All zero: the value a config of another loss carries.</summary>
    public static MultiLabelKnobs None => default;

    /// <summary>The names of the distribution-balanced loss's knobs, in the attribute's order.</summary>
    public static readonly string[] DbNames = { "SmoothingAlpha", "SmoothingBeta", "SmoothingMu", "NegativeScale", "BiasScale" };

    /// <summary>The names of the asymmetric loss's knobs.</summary>
    public static readonly string[] AslNames = { "GammaPositive", "GammaNegative", "Clip" };

    /// <summary>Only <paramref name="loss"/>'s knobs (the other loss's zeroed) without the "set" flags: what the emitters read.</summary>
    public MultiLabelKnobs For(CbLoss loss) => loss == CbLoss.DistributionBalanced
        ? new MultiLabelKnobs(SmoothingAlpha, SmoothingBeta, SmoothingMu, NegativeScale, BiasScale, 0, 0, 0, false, false)
        : new MultiLabelKnobs(0, 0, 0, 0, 0, GammaPositive, GammaNegative, Clip, false, false);

    /// <summary>Reads one named argument into <paramref name="knobs"/>; false when it is not one of these knobs.</summary>
    public static bool TryRead(ref MultiLabelKnobs knobs, string name, object? value)
    {
        if (value is not double v)
        {
            return false;
        }

        switch (name)
        {
            case "SmoothingAlpha": knobs = knobs with { SmoothingAlpha = v, DbSet = true }; return true;
            case "SmoothingBeta": knobs = knobs with { SmoothingBeta = v, DbSet = true }; return true;
            case "SmoothingMu": knobs = knobs with { SmoothingMu = v, DbSet = true }; return true;
            case "NegativeScale": knobs = knobs with { NegativeScale = v, DbSet = true }; return true;
            case "BiasScale": knobs = knobs with { BiasScale = v, DbSet = true }; return true;
            case "GammaPositive": knobs = knobs with { GammaPositive = v, AslSet = true }; return true;
            case "GammaNegative": knobs = knobs with { GammaNegative = v, AslSet = true }; return true;
            case "Clip": knobs = knobs with { Clip = v, AslSet = true }; return true;
            default: return false;
        }
    }
}
