// A package consumer: written to a temporary folder by PackageConsumerTests, restored from the freshly packed
// CbGen packages, built (the generator runs from the CbGen package) and run. It prints what the test checks.
using System;
using System.Globalization;
using System.Linq;
using CbGen;
using CbGen.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace PackageConsumer;

[ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax)]
public enum Fruit
{
    [Samples(900)] Apple,
    [Samples(90)] Banana,
    [Samples(10)] Cherry,
}

public static class Program
{
    public static int Main()
    {
        float[] logits = { 2.0f, 0.5f, -1.0f, 0.1f, 1.5f, 0.3f, -0.7f, 0.2f, 1.1f, 0.4f, -0.3f, 0.9f };
        Fruit[] labels = { Fruit.Apple, Fruit.Banana, Fruit.Cherry, Fruit.Cherry };

        // The generated typed loss (CbGen.TorchSharp), on libtorch's CPU backend.
        using var loss = new FruitLoss();
        using Tensor input = torch.tensor(logits, new long[] { labels.Length, FruitWeights.ClassCount });
        using Tensor value = loss.forward(input, labels);
        Console.WriteLine("logits=" + string.Join(",", logits.Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
        Console.WriteLine("labels=" + string.Join(",", labels.Select(l => ((int)l).ToString(CultureInfo.InvariantCulture))));
        Console.WriteLine("loss=" + value.ToSingle().ToString("R", CultureInfo.InvariantCulture));

        // The generated constant table (CbGen's generator).
        Console.WriteLine("weights=" + string.Join(",", FruitWeights.Weights.ToArray().Select(w => w.ToString("R", CultureInfo.InvariantCulture))));

        // CbGen.Testing next to CbGen in one project: the generator it runs must not clash with CbGen.dll.
        CbGenRunResult run = CbGenRunner.Run("""
            using CbGen;
            namespace Snap
            {
                [ClassBalanced(Beta = 0.99)]
                public enum Label { [Samples(30)] A, [Samples(3)] B }
            }
            """);
        run.AssertCompilesCleanly();
        Console.WriteLine("testing=" + string.Join(",", run.Files.Select(f => f.HintName)));

        // CbGen.ML: class-balanced example weights for an ML.NET trainer (MlNet.cs).
#if NET10_0_OR_GREATER
        MlNet.Run();
#endif
        return 0;
    }
}
