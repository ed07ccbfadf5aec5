using CbGen;

namespace GlyphsLongTail;

/// <summary>
/// The 137 radical classes of the glyph benchmark, read by the CbGen generator from <c>glyphs.counts.csv</c> (the
/// training split's counts, written by <c>cbgen count</c>): <c>GlyphRadicals.Label</c> (<c>R001</c> … <c>R211</c>)
/// and, per config, the constant tables and typed losses <c>GlyphSoftmaxWeights</c>/<c>GlyphSoftmaxLoss</c>, …,
/// <c>GlyphLaLoss</c> and <c>GlyphLdamDrwLoss</c>; <c>[ClassBalancedSweep]</c> adds the grid of <c>--search</c>.
/// <see cref="GlyphLosses.Verify"/> checks them against the data set and the runtime maths at start-up.
/// </summary>
[ClassBalancedDataset("glyphs.counts.csv", Beta = 0.9999, Loss = CbLoss.Softmax, Name = "GlyphSoftmax")]
[ClassBalancedDataset("glyphs.counts.csv", Beta = 0.9999, Loss = CbLoss.Sigmoid, Name = "GlyphSigmoid")]
[ClassBalancedDataset("glyphs.counts.csv", Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0, Name = "GlyphFocal1")]
[ClassBalancedDataset("glyphs.counts.csv", Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5, Name = "GlyphFocalHalf")]
[ClassBalancedDataset("glyphs.counts.csv", Loss = CbLoss.LogitAdjusted, Tau = 1.0, Name = "GlyphLa")]
[ClassBalancedDataset("glyphs.counts.csv", Loss = CbLoss.Ldam, Beta = 0.9999, MaxMargin = 0.5, Scale = 30,
    DeferUntilEpoch = GlyphProtocol.LdamDrwK, Name = "GlyphLdamDrw")]
[ClassBalancedSweep(Betas = new[] { 0.99, 0.999, 0.9999 }, Losses = new[] { CbLoss.Softmax, CbLoss.Focal }, Gammas = new[] { 0.5, 1.0 })]
public static partial class GlyphRadicals;
