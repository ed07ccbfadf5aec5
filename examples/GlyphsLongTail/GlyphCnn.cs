using FashionMnistLongTail;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GlyphsLongTail;

/// <summary>
/// The benchmark's small CNN on 16×16 glyphs: conv 3×3 (w) – BatchNorm – ReLU – max-pool 2 → 8×8, conv 3×3 (2w) –
/// BatchNorm – ReLU – max-pool 2 → 4×4, flatten (32w) and a last layer to the classes: a <see cref="Linear"/> or,
/// for LDAM, the demo's cosine <see cref="NormedLinear"/>. Inputs arrive as rows of 256 pixels (1 ink, 0 paper).
/// </summary>
public sealed class GlyphCnn : Classifier
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly nn.Module<Tensor, Tensor> head;

    /// <summary>Creates the CNN with TorchSharp's default initialisation from torch's global generator (seed it first).</summary>
    /// <param name="width">Channels of the first convolution, ≥ 1.</param>
    /// <param name="classes">Output logits.</param>
    /// <param name="normedHead">Whether the last layer is the cosine <see cref="NormedLinear"/> (LDAM).</param>
    public GlyphCnn(int width, int classes, bool normedHead = false)
        : base(nameof(GlyphCnn))
    {
        System.ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        conv1 = nn.Conv2d(1, width, 3, padding: 1);
        bn1 = nn.BatchNorm2d(width);
        conv2 = nn.Conv2d(width, 2 * width, 3, padding: 1);
        bn2 = nn.BatchNorm2d(2 * width);
        int features = 2 * width * 4 * 4;
        head = normedHead ? new NormedLinear(features, classes) : nn.Linear(features, classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Linear Head => head as Linear
        ?? throw new System.InvalidOperationException("This CNN has a NormedLinear (cosine) head, which has no bias.");

    /// <inheritdoc />
    public override Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.reshape(-1, 1, 16, 16);
        x = nn.functional.max_pool2d(nn.functional.relu(bn1.call(conv1.call(x))), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(bn2.call(conv2.call(x))), 2);
        return x.flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return head.call(Features(input)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
