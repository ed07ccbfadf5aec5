using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Evaluation;
using LongTailData.Debtags;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DebtagsLongTail;

/// <summary>The training settings: hash buckets, epochs, batch size and Adam's learning rate.</summary>
public sealed record TrainSettings(int Buckets = 1 << 15, int Epochs = 10, int BatchSize = 512, double LearningRate = 0.02);

/// <summary>
/// Trains a hashed bag-of-words linear model (an <c>EmbeddingBag</c> of mean mode, i.e. one weight row per hash
/// bucket averaged over a text's buckets, plus a bias per tag; weights start at 0) with one loss and one seed, and
/// scores the test split with <see cref="MultiLabelMetrics"/>.
/// </summary>
public static class Trainer
{
    /// <summary>One run: the test report of the model trained with <paramref name="row"/>'s loss.</summary>
    /// <exception cref="ArgumentException">The test split is empty (a list too small for its test fraction).</exception>
    public static MultiLabelReport Run(DebtagsDataset data, long[][] features, LossRow row, int seed, TrainSettings settings)
    {
        if (data.Split.TestIndices.Count == 0)
        {
            throw new ArgumentException("the debtags test split is empty (" + data.Samples.Count
                + " packages, test fraction " + data.Options.TestFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + "): the benchmark scores the test split; use a larger Packages list or keep fewer, more frequent tags "
                + "(a larger DebtagsOptions.MinPackagesPerTag).", nameof(data));
        }

        int classes = data.TagNames.Count;
        long[] positives = data.Split.TrainCounts.ToArray();
        torch.manual_seed(seed);
        using var bag = nn.EmbeddingBag(settings.Buckets, classes, mode: EmbeddingBagMode.Mean);
        using var bias = new Parameter(torch.zeros(classes));
        using (torch.no_grad())
        {
            bag.weight!.zero_();
        }

        using var loss = row.Create(new LossInputs(positives, data.Split.TrainIndices.Count));
        var parameters = bag.parameters().Append(bias).ToArray();
        using var optimizer = optim.Adam(parameters, settings.LearningRate);
        int[] train = data.Split.TrainIndices.ToArray();
        var random = new Random(seed);
        for (int epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(train);
            for (int start = 0; start < train.Length; start += settings.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                int[] batch = train.AsSpan(start, Math.Min(settings.BatchSize, train.Length - start)).ToArray();
                optimizer.zero_grad();
                Tensor logits = Forward(bag, bias, features, batch);
                Tensor value = loss.forward(logits, Targets(data, batch, classes));
                value.backward();
                optimizer.step();
            }
        }

        int[] test = data.Split.TestIndices.ToArray();
        float[] scores;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            scores = torch.sigmoid(Forward(bag, bias, features, test)).data<float>().ToArray();
        }

        using var targets = Targets(data, test, classes);
        return MultiLabelMetrics.Compute(scores, targets.data<float>().ToArray(), positives);
    }

    private static Tensor Forward(EmbeddingBag bag, Parameter bias, long[][] features, int[] batch)
    {
        var flat = new List<long>();
        var offsets = new long[batch.Length];
        for (int i = 0; i < batch.Length; i++)
        {
            offsets[i] = flat.Count;
            flat.AddRange(features[batch[i]]);
        }

        using Tensor input = torch.tensor(flat.ToArray());
        using Tensor offsetTensor = torch.tensor(offsets);
        return bag.forward(input, offsetTensor, null) + bias;
    }

    private static Tensor Targets(DebtagsDataset data, int[] batch, int classes)
    {
        var targets = new float[batch.Length * classes];
        for (int i = 0; i < batch.Length; i++)
        {
            foreach (int c in data.Samples[batch[i]].Labels)
            {
                targets[(i * classes) + c] = 1f;
            }
        }

        return torch.tensor(targets, [batch.Length, classes]);
    }
}
