namespace CbGen;

/// <summary>
/// The one home of every default CbGen applies: the attributes, the generator (which compiles this file in,
/// linked), <c>cbgen</c>, CbGen.ML and the TorchSharp runtime all read them from here. A test
/// (<c>DefaultLiteralTests</c>) fails when one of these values is written again as a default anywhere in
/// <c>src/</c> or <c>generators/</c>.
/// </summary>
internal static class CbDefaults
{
    /// <summary>β of the effective number (Cui et al. 2019): 0.999.</summary>
    public const double Beta = 0.999;

    /// <summary>The focal loss's γ: 2, the focal loss paper's default.</summary>
    public const double Gamma = 2.0;

    /// <summary>The logit adjustment's τ: 1, the balanced softmax (Menon et al. 2021).</summary>
    public const double Tau = 1.0;

    /// <summary>LDAM's largest margin m_max: 0.5, the official code's.</summary>
    public const double MaxMargin = 0.5;

    /// <summary>LDAM's logit scale s: 30, the official code's.</summary>
    public const double Scale = 30.0;

    /// <summary>The VS loss's γ (Kini et al. 2021): 0.3, the default of the paper's official code.</summary>
    public const double VsGamma = 0.3;

    /// <summary>The official LDAM-DRW code's β: 0.9999.</summary>
    public const double LdamDrwBeta = 0.9999;

    /// <summary>The distribution-balanced loss's smoothing floor α of r̂ = α + σ(β·(r − μ)): 0.1 (Wu et al. 2020).</summary>
    public const double DbAlpha = 0.1;

    /// <summary>The distribution-balanced loss's smoothing slope β of r̂ = α + σ(β·(r − μ)): 10 (Wu et al. 2020).</summary>
    public const double DbBeta = 10.0;

    /// <summary>The distribution-balanced loss's smoothing centre μ of r̂ = α + σ(β·(r − μ)): 0.3. Wu et al. 2020 tune μ
    /// per data set (VOC-MLT, COCO-MLT); 0.3 was meant as the COCO-MLT value but is not verified against the paper's
    /// text (docs/losses.md).</summary>
    public const double DbMu = 0.3;

    /// <summary>The distribution-balanced loss's negative-tolerant scale λ: 5. Wu et al. 2020 tune λ per data set
    /// (VOC-MLT, COCO-MLT); 5 was meant as the COCO-MLT value but is not verified against the paper's text
    /// (docs/losses.md).</summary>
    public const double DbLambda = 5.0;

    /// <summary>The distribution-balanced loss's bias scale κ of ν_c = κ·b̂_c: 0.05 (Wu et al. 2020).</summary>
    public const double DbKappa = 0.05;

    /// <summary>The asymmetric loss's positive focusing parameter γ+: 0 (Ridnik et al. 2021).</summary>
    public const double AslGammaPositive = 0.0;

    /// <summary>The asymmetric loss's negative focusing parameter γ−: 4 (Ridnik et al. 2021).</summary>
    public const double AslGammaNegative = 4.0;

    /// <summary>The asymmetric loss's probability margin m of p_m = max(p − m, 0): 0.05 (Ridnik et al. 2021).</summary>
    public const double AslClip = 0.05;

    /// <summary>The label that contributes no loss: -100, PyTorch's <c>ignore_index</c>.</summary>
    public const long IgnoreIndex = -100;

    /// <summary>A sweep point's epochs (<c>SweepOptions.Epochs</c>): 10.</summary>
    public const int SweepEpochs = 10;

    /// <summary>Classifier re-training (cRT, LWS, weight balancing's stage 2): epochs over the frozen features, 10
    /// (Kang et al., ICLR 2020, re-train the classifier for 10 epochs).</summary>
    public const int RetrainingEpochs = 10;

    /// <summary>Classifier re-training: rows per mini-batch, 128.</summary>
    public const int RetrainingBatchSize = 128;

    /// <summary>Classifier re-training: the peak learning rate of the cosine schedule, 0.1.</summary>
    public const double RetrainingLearningRate = 0.1;

    /// <summary>Classifier re-training: SGD momentum, 0.9.</summary>
    public const double RetrainingMomentum = 0.9;

    /// <summary>Classifier re-training: L2 weight decay on the classifier's weight matrix (not its bias), 5e-4.</summary>
    public const double RetrainingWeightDecay = 5e-4;

    /// <summary>τ-normalisation's grid for choosing τ on a validation split: 0, 0.1, …, 2 (τ = 0 leaves the
    /// classifier as trained, τ = 1 gives every class row unit norm; a new array each call).</summary>
    public static double[] TauNormGrid
    {
        get
        {
            var grid = new double[21];
            for (int i = 0; i < grid.Length; i++)
            {
                grid[i] = i / 10.0;
            }

            return grid;
        }
    }

    /// <summary>The paper's β grid, a sweep's default <c>Betas</c>: 0.9, 0.99, 0.999, 0.9999 (a new array each call).</summary>
    public static double[] SweepBetas => new[] { 0.9, 0.99, Beta, LdamDrwBeta };

    /// <summary>The focal loss paper's γ grid, a sweep's default <c>Gammas</c>: 0.5, 1, 2 (a new array each call).</summary>
    public static double[] SweepGammas => new[] { 0.5, 1.0, Gamma };

    /// <summary>A sweep's default <c>VsGammas</c>: the VS loss's γ = 0.3 alone (a new array each call).</summary>
    public static double[] SweepVsGammas => new[] { VsGamma };

    /// <summary>A sweep's default <c>Taus</c>: τ = 1 alone (a new array each call).</summary>
    public static double[] SweepTaus => new[] { Tau };
}
