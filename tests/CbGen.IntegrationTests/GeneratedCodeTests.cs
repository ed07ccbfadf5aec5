using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.IntegrationTests;

/// <summary>The code generated in this project's own build: tables equal the runtime maths, and each generated
/// loss trains a small model.</summary>
public sealed class GeneratedCodeTests
{
    private static readonly long[] Counts = { 5000, 1200, 300, 50 };

    [Fact]
    public void Tables_equal_ClassBalancedWeights_Compute_exactly()
    {
        AssertTable(WeatherSoftmaxWeights.Weights, ClassBalancedWeights.Compute(Counts, 0.999));
        AssertTable(WeatherSigmoidWeights.Weights, ClassBalancedWeights.Compute(Counts, 0.999));
        AssertTable(WeatherFocalWeights.Weights, ClassBalancedWeights.Compute(Counts, 0.9999));
        AssertTable(WeatherFocalWeights.EffectiveNumbers, ClassBalancedWeights.EffectiveNumbers(Counts, 0.9999));
        Assert.True(WeatherFocalWeights.Counts.SequenceEqual(Counts));
        Assert.Equal(4, WeatherSoftmaxWeights.ClassCount);
        Assert.Equal(1.0, WeatherFocalWeights.Gamma);
        Assert.Equal(0.9999, WeatherFocalWeights.Beta);
        Assert.Equal(50L, WeatherFocalWeights.SnowCount);
        Assert.True(ClassBalancedWeights.Compute(Counts, 0.9999)[3] == WeatherFocalWeights.SnowWeight);
        Assert.True(WeatherFocalWeights.WeightOf(Weather.Rain) == WeatherFocalWeights.RainWeight);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeatherFocalWeights.WeightOf((Weather)4));
    }

    [Fact]
    public void Internal_nested_enum_with_keyword_members_generates_internal_tables()
    {
        Assert.True(TinyLabelsWeights.Weights.SequenceEqual(ClassBalancedWeights.Compute(new long[] { 20, 5 }, 0.99)));
        Assert.Equal(20L, TinyLabelsWeights.classCount);
        Assert.False(typeof(TinyLabelsWeights).IsPublic);
    }

    [Fact]
    public void Generated_losses_carry_the_baked_in_weights()
    {
        using var softmax = new WeatherSoftmaxLoss();
        using var focal = new WeatherFocalLoss(nn.Reduction.Sum);
        Assert.Equal(4, softmax.NumClasses);
        Assert.Equal(1.0, focal.Inner.Gamma);
        Assert.Equal(ClassBalancedWeights.Compute(Counts, 0.999), softmax.ClassWeights!.to_type(ScalarType.Float64).data<double>().ToArray());
        Assert.Equal(ClassBalancedWeights.Compute(Counts, 0.9999), focal.ClassWeights!.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    [Fact]
    public void Typed_labels_give_the_same_loss_as_index_tensors()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        using var loss = new WeatherSigmoidLoss();
        Tensor logits = randn(5, 4);
        Weather[] labels = { Weather.Sunny, Weather.Snow, Weather.Rain, Weather.Cloudy, Weather.Snow };
        Tensor byIndex = loss.forward(logits, tensor(labels.Select(l => (long)l).ToArray()));
        Tensor byEnum = loss.forward(logits, labels);
        Tensor bySpan = loss.forward(logits, labels.AsSpan());
        Assert.Equal(byIndex.item<float>(), byEnum.item<float>());
        Assert.Equal(byIndex.item<float>(), bySpan.item<float>());
    }

    public static TheoryData<string> Losses() => new() { "Softmax", "Sigmoid", "Focal" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void Twenty_training_steps_with_the_generated_loss_decrease_it(string kind)
    {
        torch.manual_seed(1234);
        using Loss<Tensor, Tensor, Tensor> criterion = kind switch
        {
            "Softmax" => new WeatherSoftmaxLoss(),
            "Sigmoid" => new WeatherSigmoidLoss(),
            _ => new WeatherFocalLoss(),
        };

        // A learnable task: labels are the argmax of a fixed linear teacher, drawn long-tailed by the teacher's bias.
        using var data = NewDisposeScope();
        Tensor x = randn(256, 8);
        Tensor teacher = randn(8, 4);
        Tensor bias = tensor(new float[] { 2.0f, 1.0f, 0.0f, -1.0f });
        Weather[] labels = (x.matmul(teacher) + bias).argmax(1).data<long>().ToArray().Select(i => (Weather)i).ToArray();

        using var model = nn.Linear(8, 4);
        using var optimizer = optim.SGD(model.parameters(), 0.5);
        var losses = new float[20];
        for (int step = 0; step < losses.Length; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor logits = model.forward(x);
            Tensor loss = kind switch
            {
                "Softmax" => ((WeatherSoftmaxLoss)criterion).forward(logits, labels),
                "Sigmoid" => ((WeatherSigmoidLoss)criterion).forward(logits, labels),
                _ => ((WeatherFocalLoss)criterion).forward(logits, labels),
            };
            loss.backward();
            optimizer.step();
            losses[step] = loss.item<float>();
        }

        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
        Assert.True(losses[^1] < 0.8f * losses[0],
            kind + " did not decrease: " + string.Join(", ", losses.Select(l => l.ToString("G4"))));
    }

    private static void AssertTable(ReadOnlySpan<double> generated, double[] expected)
    {
        Assert.Equal(expected.Length, generated.Length);
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.True(expected[c] == generated[c], "class " + c + ": " + expected[c].ToString("R") + " != " + generated[c].ToString("R"));
        }
    }
}
