using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// cRT, τ-normalisation and LWS (Kang et al., ICLR 2020) on <see cref="LongTailToyProblem"/>: the classifier trained
/// on the long-tailed data as drawn (instance-balanced) predicts the head class far more than a third of the time on
/// the balanced test set; each decoupled method moves the boundaries back toward the bisectors, which shows as a
/// lower balanced error, a share of head predictions nearer a third and a higher tail recall.
/// </summary>
public class ClassifierRetrainingTests
{
    private readonly ITestOutputHelper output;

    public ClassifierRetrainingTests(ITestOutputHelper output) => this.output = output;

    private static readonly ClassifierRetrainingOptions InstanceBalanced = new() { SamplingPower = 1.0, Seed = 7 };

    private static Linear PlainHead(LongTailToyProblem toy)
    {
        torch.manual_seed(11);
        var head = nn.Linear(2, LongTailToyProblem.Classes);
        ClassifierRetraining.Retrain(head, toy.TrainFeatures, toy.TrainLabels, InstanceBalanced);
        return head;
    }

    private void Report(string name, LongTailToyProblem toy, Tensor logits) =>
        output.WriteLine($"{name}: balanced error {toy.BalancedTestError(logits):F4}, head share {toy.HeadShare(logits):F4}, "
            + $"recall [{string.Join(", ", toy.PerClassRecall(logits).Select(r => r.ToString("F3")))}]");

    [Fact]
    public void The_plain_classifier_of_the_toy_problem_leans_toward_the_head()
    {
        using var toy = new LongTailToyProblem(seed: 1);
        using var head = PlainHead(toy);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = head.call(toy.TestFeatures);
        Report("plain", toy, logits);
        Assert.True(toy.HeadShare(logits) > 0.40, "the plain classifier should predict the head class well over a third of the time");
        Assert.True(LongTailToyProblem.RowNorm(head, 0) > LongTailToyProblem.RowNorm(head, 2), "the head row should have the larger norm");
    }

    [Fact]
    public void Classifier_retraining_with_a_class_balanced_sampler_moves_the_boundary_toward_the_bisectors()
    {
        using var toy = new LongTailToyProblem(seed: 1);
        using var plain = PlainHead(toy);
        torch.manual_seed(11);
        using var crt = nn.Linear(2, LongTailToyProblem.Classes);
        double[] losses = ClassifierRetraining.Retrain(crt, toy.TrainFeatures, toy.TrainLabels, new ClassifierRetrainingOptions { Seed = 7 });
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var before = plain.call(toy.TestFeatures);
        var after = crt.call(toy.TestFeatures);
        Report("plain", toy, before);
        Report("cRT", toy, after);
        Assert.Equal(ClassifierRetrainingOptions.Default.Epochs, losses.Length);
        Assert.True(toy.BalancedTestError(after) < toy.BalancedTestError(before) - 0.02);
        Assert.True(Math.Abs(toy.HeadShare(after) - 1.0 / 3) < Math.Abs(toy.HeadShare(before) - 1.0 / 3) / 2);
        Assert.True(toy.PerClassRecall(after)[2] > toy.PerClassRecall(before)[2] + 0.1);
    }

    [Fact]
    public void Tau_normalisation_chosen_on_the_validation_split_moves_the_boundary_toward_the_bisectors()
    {
        using var toy = new LongTailToyProblem(seed: 1);
        using var plain = PlainHead(toy);
        TauSelection selection = ClassifierNorms.SelectTau(plain, toy.ValidationFeatures, toy.ValidationLabels);
        output.WriteLine("τ = " + selection.Tau + "; errors " + string.Join(", ", selection.BalancedErrors.Select(e => e.ToString("F3"))));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var before = plain.call(toy.TestFeatures);
        var after = ClassifierNorms.TauNormalizedLogits(plain, toy.TestFeatures, selection.Tau);
        Report("plain", toy, before);
        Report("τ-norm", toy, after);
        Assert.Equal(21, selection.Taus.Count);
        Assert.Equal(selection.BalancedErrors.Min(), selection.BalancedErrors[selection.Taus.ToList().IndexOf(selection.Tau)]);
        Assert.True(selection.Tau > 0.0);
        Assert.True(toy.BalancedTestError(after) < toy.BalancedTestError(before) - 0.02);
        Assert.True(Math.Abs(toy.HeadShare(after) - 1.0 / 3) < Math.Abs(toy.HeadShare(before) - 1.0 / 3) / 2);
    }

    [Fact]
    public void Learnable_weight_scaling_raises_the_tail_scales_and_lowers_the_balanced_error()
    {
        using var toy = new LongTailToyProblem(seed: 1);
        using var plain = PlainHead(toy);
        using var before = plain.weight!.detach().clone();
        using var scales = ClassifierRetraining.LearnWeightScaling(plain, toy.TrainFeatures, toy.TrainLabels, new ClassifierRetrainingOptions { Seed = 7 });
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        float[] f = scales.data<float>().ToArray();
        output.WriteLine("f = " + string.Join(", ", f));
        var plainLogits = plain.call(toy.TestFeatures);
        var scaled = plainLogits.mul(scales);
        Report("plain", toy, plainLogits);
        Report("LWS", toy, scaled);
        Assert.True(plain.weight!.eq(before).all().item<bool>(), "LWS must leave the head's weights as they were");
        Assert.True(f[2] > f[0], "the tail class's scale should grow past the head's");
        Assert.True(toy.BalancedTestError(scaled) < toy.BalancedTestError(plainLogits) - 0.02);
    }

    [Fact]
    public void Retraining_with_MaxNorm_keeps_every_row_within_the_bound_and_a_seed_repeats_the_result()
    {
        using var toy = new LongTailToyProblem(seed: 2);
        var options = new ClassifierRetrainingOptions { Seed = 3, MaxNorm = 0.5, Epochs = 2 };
        torch.manual_seed(5);
        using var a = nn.Linear(2, LongTailToyProblem.Classes);
        double[] lossesA = ClassifierRetraining.Retrain(a, toy.TrainFeatures, toy.TrainLabels, options);
        torch.manual_seed(5);
        using var b = nn.Linear(2, LongTailToyProblem.Classes);
        double[] lossesB = ClassifierRetraining.Retrain(b, toy.TrainFeatures, toy.TrainLabels, options);
        for (int c = 0; c < LongTailToyProblem.Classes; c++)
        {
            Assert.True(LongTailToyProblem.RowNorm(a, c) <= 0.5 + 1e-6, $"row {c} has norm {LongTailToyProblem.RowNorm(a, c)}");
        }

        Assert.Equal(lossesA, lossesB);
        Assert.True(a.weight!.eq(b.weight!).all().item<bool>());
    }
}
