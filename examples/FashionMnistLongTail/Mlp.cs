using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>The demo's classifier: an MLP 784-512-ReLU-256-ReLU-10 on flattened, standardised pixels; the last layer
/// is a <see cref="Linear"/> or, for LDAM, the cosine <see cref="NormedLinear"/> of the LDAM official code.</summary>
public sealed class Mlp : Classifier
{
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly nn.Module<Tensor, Tensor> head;

    /// <summary>Creates the MLP with TorchSharp's default (Kaiming-uniform) initialisation, drawn from torch's
    /// global generator: call <c>torch.manual_seed</c> first for reproducible weights.</summary>
    /// <param name="inputs">Input features (784).</param>
    /// <param name="hidden1">First hidden width (512).</param>
    /// <param name="hidden2">Second hidden width (256).</param>
    /// <param name="classes">Output logits (10).</param>
    /// <param name="normedHead">Whether the last layer is the cosine <see cref="NormedLinear"/> (LDAM) rather than a
    /// <see cref="Linear"/>.</param>
    public Mlp(int inputs, int hidden1, int hidden2, int classes, bool normedHead = false)
        : base(nameof(Mlp))
    {
        fc1 = nn.Linear(inputs, hidden1);
        fc2 = nn.Linear(hidden1, hidden2);
        head = normedHead ? new NormedLinear(hidden2, classes) : nn.Linear(hidden2, classes);
        RegisterComponents();
    }

    /// <summary>The last layer when it is a <see cref="Linear"/> (the sigmoid and focal runs initialise its bias to
    /// <c>-log(C-1)</c>).</summary>
    /// <exception cref="System.InvalidOperationException">The MLP has the cosine head, which has no bias.</exception>
    public override Linear Head => head as Linear
        ?? throw new System.InvalidOperationException("This MLP has a NormedLinear (cosine) head, which has no bias.");

    /// <summary>Whether the last layer is the cosine <see cref="NormedLinear"/>.</summary>
    public bool HasNormedHead => head is NormedLinear;

    /// <inheritdoc />
    public override Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(fc1.call(input));
        return nn.functional.relu(fc2.call(h)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(fc1.call(input));
        h = nn.functional.relu(fc2.call(h));
        return head.call(h).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fc1.Dispose();
            fc2.Dispose();
            head.Dispose();
        }

        base.Dispose(disposing);
    }
}
