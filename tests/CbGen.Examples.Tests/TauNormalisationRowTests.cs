using System;
using System.Linq;
using CbGen.TorchSharp;
using FashionMnistLongTail;
using FashionMnistLongTail.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.Examples.Tests;

/// <summary>
/// The demos' τ-normalisation row (<see cref="DecoupledClassifier"/>, issue 26 item 2): τ is chosen on the validation
/// split, not on the training data the model has fitted. A hand-set two-class head on identity features makes the
/// two choices differ: on the training points τ = 0 is best, on the validation points τ ≥ 0.7.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class TauNormalisationRowTests
{
    // Row 0 has norm 3, row 1 norm 1. The point (1, 1.5) goes to class 0 for τ ≤ 0.6 (3^(1-τ) > 1.5) and to class 1
    // from τ = 0.7; (1, 0) is always class 0 and (0, 1) always class 1.
    private static readonly float[] Points = [1f, 1.5f, 1f, 0f, 0f, 1f];

    private static TensorData Data(params byte[] labels) => TensorData.FromRows(Points, 2, labels);

    [Fact]
    public void Tau_is_chosen_on_the_validation_split_not_on_the_training_data()
    {
        using var model = new FixedHead();
        using var train = Data(0, 0, 1);        // the ambiguous point is class 0 in training: τ = 0 fits best
        using var validation = Data(1, 0, 1);   // and class 1 on validation: τ = 0.7 is the first τ without an error
        using var onTrain = model.Features(train.Features);
        using var onValidation = model.Features(validation.Features);
        Assert.Equal(0.0, ClassifierNorms.SelectTau(model.Head, onTrain, train.Labels).Tau);
        Assert.Equal(0.7, ClassifierNorms.SelectTau(model.Head, onValidation, validation.Labels).Tau, 12);

        using var decoupled = DecoupledClassifier.Build(LossCatalog.Get(LossKind.CrossEntropyTauNorm), model, train, [2, 1], seed: 0, validation);

        Assert.Contains("τ=0.7", decoupled.Source, StringComparison.Ordinal);
        Assert.Contains("3 validation", decoupled.Source, StringComparison.Ordinal);
        using var logits = decoupled.Logits(validation.Features);
        Assert.Equal([1L, 0L, 1L], logits.argmax(1).data<long>().ToArray());
    }

    [Fact]
    public void Without_a_validation_split_the_tau_row_is_refused_by_name()
    {
        using var model = new FixedHead();
        using var train = Data(0, 0, 1);

        var e = Assert.Throws<ArgumentException>(() => DecoupledClassifier.Build(LossCatalog.Get(LossKind.CrossEntropyTauNorm), model, train, [2, 1], 0));

        Assert.Contains("validation", e.Message, StringComparison.Ordinal);
        Assert.Contains("ce-taunorm", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Identity features [N, 2] and a bias-free head with rows (3, 0) and (0, 1).</summary>
    private sealed class FixedHead : Classifier
    {
        private readonly Linear head = nn.Linear(2, 2, hasBias: false);

        public FixedHead()
            : base(nameof(FixedHead))
        {
            using (no_grad())
            {
                using var w = tensor(new float[] { 3f, 0f, 0f, 1f }, [2, 2]);
                head.weight!.copy_(w);
            }

            RegisterComponents();
        }

        public override Linear Head => head;

        public override Tensor Features(Tensor input) => input.alias();

        public override Tensor forward(Tensor input) => head.call(input);
    }
}
