using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>
/// A network the <see cref="Training.Trainer"/> can train: logits [N, C] from inputs [N, features], with a last layer
/// that is a <see cref="Linear"/> (whose bias the sigmoid and focal runs initialise) or the cosine
/// <see cref="NormedLinear"/> (LDAM). The demo's <see cref="Mlp"/> and the glyph benchmark's CNN are classifiers.
/// </summary>
public abstract class Classifier : nn.Module<Tensor, Tensor>
{
    /// <summary>Names the module (TorchSharp's module name).</summary>
    protected Classifier(string name)
        : base(name)
    {
    }

    /// <summary>The last layer when it is a <see cref="Linear"/>.</summary>
    /// <exception cref="System.InvalidOperationException">The last layer is the cosine head, which has no bias.</exception>
    public abstract Linear Head { get; }

    /// <summary>The penultimate activations [B, D] that feed the last layer (the features a decoupled classifier is
    /// re-trained on).</summary>
    public abstract Tensor Features(Tensor input);
}
