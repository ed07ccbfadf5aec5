using System;
using CbGen.Evaluation;
using FashionMnistLongTail.Data;

namespace FashionMnistLongTail.Training;

/// <summary>
/// What the <see cref="Trainer"/> trains and how it groups classes: the network (built after
/// <c>torch.manual_seed</c>, so its initial weights follow the seed) and the shot thresholds of the report. The
/// Fashion-MNIST demo's is <see cref="Default"/>; the glyph benchmark passes its CNN and the literature's thresholds.
/// </summary>
/// <param name="CreateModel">Builds the network from (input features, classes, cosine head?).</param>
/// <param name="Shots">Many/medium/few-shot thresholds, on training counts.</param>
public sealed record TrainingSetup(Func<int, int, bool, Classifier> CreateModel, ShotThresholds Shots)
{
    /// <summary>The demo's: the MLP 784-512-256-C (<see cref="Protocol.Hidden"/>) and <see cref="LongTail.Thresholds"/>.</summary>
    public static TrainingSetup Default { get; } = new(
        (inputs, classes, normedHead) => new Mlp(inputs, Protocol.Hidden[0], Protocol.Hidden[1], classes, normedHead),
        LongTail.Thresholds);
}
