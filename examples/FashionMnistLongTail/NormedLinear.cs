using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>
/// The cosine classifier of the LDAM official code (its <c>NormedLinear</c>): logits
/// z = normalize(x) · normalize(W) with each input row and each class column of W [in, out] scaled to unit L2 norm,
/// so every logit is a cosine in [−1, 1] and no bias. LDAM multiplies the margin-shifted logits by s = 30; with an
/// ordinary linear head whose logits already grow to tens, s·z would be in the hundreds and the softmax saturates
/// from the first steps, which is why the official code builds this layer whenever the loss is LDAM.
/// </summary>
public sealed class NormedLinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    /// <summary>Creates the layer with W drawn uniformly from [−1, 1] and each column scaled to unit norm (the
    /// official code's <c>uniform_(-1, 1).renorm_(2, 1, 1e-5).mul_(1e5)</c>), from torch's global generator.</summary>
    /// <param name="inputs">Input features.</param>
    /// <param name="outputs">Classes.</param>
    public NormedLinear(int inputs, int outputs)
        : base(nameof(NormedLinear))
    {
        using (no_grad())
        {
            var w = empty(inputs, outputs).uniform_(-1.0, 1.0);
            weight = new Parameter(nn.functional.normalize(w, p: 2.0, dim: 0));
            w.Dispose();
        }

        register_parameter("weight", weight);
    }

    /// <summary>The weight W [in, out] (decayed like the other weight matrices).</summary>
    public Parameter Weight => weight;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.normalize(input, p: 2.0, dim: 1);
        var w = nn.functional.normalize(weight, p: 2.0, dim: 0);
        return x.mm(w).MoveToOuterDisposeScope();
    }
}
