using FashionMnistLongTail;

namespace GlyphsLongTail;

/// <summary>
/// The benchmark's defaults. The optimiser, batch size and learning-rate schedule are the Fashion-MNIST demo's
/// (<see cref="Protocol"/>); the epochs and the CNN width were chosen for the 20-minute budget of the default table.
/// </summary>
public static class GlyphProtocol
{
    /// <summary>Epochs per run.</summary>
    public const int Epochs = 12;

    /// <summary>LDAM-DRW's K in the generated <c>GlyphLdamDrwLoss</c>: the first lr drop of <see cref="Epochs"/>.</summary>
    public const int LdamDrwK = 8;

    /// <summary>Channels of the first convolution (the second has twice as many).</summary>
    public const int Width = 16;

    /// <summary>Seeds per row.</summary>
    public const int Seeds = 3;

    /// <summary>Epochs per grid point of <c>--search</c>.</summary>
    public const int SearchEpochs = 6;
}
