namespace FashionMnistLongTail;

/// <summary>The fixed training protocol of the demo.</summary>
public static class Protocol
{
    /// <summary>Epochs per run.</summary>
    public const int Epochs = 30;

    /// <summary>Mini-batch size.</summary>
    public const int BatchSize = 128;

    /// <summary>Peak learning rate.</summary>
    public const double LearningRate = 0.05;

    /// <summary>Epochs of linear learning-rate warm-up (per iteration, from lr/iters to lr).</summary>
    public const int WarmupEpochs = 2;

    /// <summary>First ×0.1 drop, as a fraction of the epochs (20 of 30).</summary>
    public const double FirstDropFraction = 20.0 / 30.0;

    /// <summary>Second ×0.1 drop, as a fraction of the epochs (25 of 30).</summary>
    public const double SecondDropFraction = 25.0 / 30.0;

    /// <summary>SGD momentum.</summary>
    public const double Momentum = 0.9;

    /// <summary>L2 weight decay, on weight matrices only (biases get none).</summary>
    public const double WeightDecay = 5e-4;

    /// <summary>Mean of Fashion-MNIST pixels scaled to [0, 1].</summary>
    public const double PixelMean = 0.2860;

    /// <summary>Standard deviation of Fashion-MNIST pixels scaled to [0, 1].</summary>
    public const double PixelStd = 0.3530;

    /// <summary>Threads libtorch may use (the reference machine has 2 cores).</summary>
    public const int Threads = 2;

    /// <summary>Hidden layer widths of the MLP 784-512-256-10.</summary>
    public static readonly int[] Hidden = [512, 256];

    /// <summary>The epoch (0-based) from which the learning rate is ×0.1, for a run of <paramref name="epochs"/>.</summary>
    public static int FirstDrop(int epochs) => (int)System.Math.Round(epochs * FirstDropFraction);

    /// <summary>The epoch (0-based) from which the learning rate is ×0.01, for a run of <paramref name="epochs"/>.</summary>
    public static int SecondDrop(int epochs) => (int)System.Math.Round(epochs * SecondDropFraction);

    /// <summary>The learning rate of iteration <paramref name="iteration"/> (0-based, counted over the whole run).</summary>
    public static double LearningRateAt(int epoch, int iteration, int iterationsPerEpoch, int epochs)
    {
        int warmupIterations = WarmupEpochs * iterationsPerEpoch;
        double lr = LearningRate;
        if (iteration < warmupIterations)
        {
            lr *= (iteration + 1) / (double)warmupIterations;
        }

        if (epoch >= SecondDrop(epochs))
        {
            lr *= 0.01;
        }
        else if (epoch >= FirstDrop(epochs))
        {
            lr *= 0.1;
        }

        return lr;
    }
}
