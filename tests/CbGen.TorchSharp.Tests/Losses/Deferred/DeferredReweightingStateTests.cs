using System.IO;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// A deferred loss's state: <c>load_state_dict</c>, <c>load</c> and <c>.to()</c> on the DRW wrapper (or on a
/// generated-style wrapper around one) reach the copies its inner modules cached, so <c>forward</c> computes with the
/// loaded or moved buffers, to the bit of a loss built with them, before and after epoch K.
/// </summary>
public class DeferredReweightingStateTests
{
    private static readonly long[] Counts = { 400, 60, 9 };
    private static readonly long[] OtherCounts = { 5, 700, 30 };
    private static readonly CbLossOptions Options = new() { Device = CbDevice.Cpu, Reduction = Reduction.None };

    public static TheoryData<CbLoss, int> VariantsAndEpochs => new()
    {
        { CbLoss.Softmax, 1 },     // before K a class-balanced loss's twin holds ones, which loading cannot change
        { CbLoss.Sigmoid, 1 },
        { CbLoss.Focal, 1 },
        { CbLoss.Ldam, 0 }, { CbLoss.Ldam, 1 },
    };

    private static DeferredReweightingLoss Drw(CbLoss variant, long[] counts, int epoch)
    {
        var loss = DeferredReweightingLoss.FromCounts(variant, counts, 0.99, 1, Options);
        loss.Step(epoch);
        return loss;
    }

    private sealed class GeneratedLikeDrwLoss : PerClassLoss<DeferredReweightingLoss>
    {
        public GeneratedLikeDrwLoss(CbLoss variant, long[] counts, int epoch)
            : base(Drw(variant, counts, epoch))
        {
        }
    }

    /// <summary>The per-sample losses for float32 logits (the module caches float32 copies of its float64 buffers).</summary>
    private static float[] Losses(PerClassLoss loss, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(11, 7, 3), dtype);
        var y = TestData.ToTensor(TestData.Labels(11, 7, 3));
        return loss.forward(z, y).to(ScalarType.Float32).data<float>().ToArray();
    }

    [Theory]
    [MemberData(nameof(VariantsAndEpochs))]
    public void Load_state_dict_on_the_wrapper_replaces_what_the_inner_modules_compute_with(CbLoss variant, int epoch)
    {
        using var loss = Drw(variant, Counts, epoch);
        using var reference = Drw(variant, OtherCounts, epoch);
        float[] before = Losses(loss);                                  // fills the inner caches
        Assert.NotEqual(Losses(reference), before);

        loss.load_state_dict(reference.state_dict());

        Assert.Equal(Losses(reference), Losses(loss));
    }

    [Theory]
    [MemberData(nameof(VariantsAndEpochs))]
    public void Load_on_the_wrapper_replaces_what_the_inner_modules_compute_with(CbLoss variant, int epoch)
    {
        using var loss = Drw(variant, Counts, epoch);
        using var reference = Drw(variant, OtherCounts, epoch);
        _ = Losses(loss);
        var saved = new MemoryStream();
        reference.save(saved);                                          // closes the stream
        using var stream = new MemoryStream(saved.ToArray());

        loss.load(stream);

        Assert.Equal(Losses(reference), Losses(loss));
    }

    [Theory]
    [MemberData(nameof(VariantsAndEpochs))]
    public void Load_state_dict_on_a_generated_style_wrapper_around_a_deferred_loss_reaches_its_modules(
        CbLoss variant, int epoch)
    {
        using var loss = new GeneratedLikeDrwLoss(variant, Counts, epoch);
        using var reference = new GeneratedLikeDrwLoss(variant, OtherCounts, epoch);
        _ = Losses(loss);

        loss.load_state_dict(reference.state_dict());

        Assert.Equal(Losses(reference), Losses(loss));
    }

    [Theory]
    [MemberData(nameof(VariantsAndEpochs))]
    public void To_dtype_on_the_wrapper_is_followed_by_the_inner_modules_caches(CbLoss variant, int epoch)
    {
        using var loss = Drw(variant, Counts, epoch);
        using var reference = Drw(variant, Counts, epoch);
        _ = Losses(loss);                                               // fills the caches from the float64 buffers
        _ = Losses(loss, ScalarType.Float64);

        loss.to(ScalarType.Float32);
        reference.to(ScalarType.Float32);                               // moved before any forward: no cache
        Assert.Equal(Losses(reference), Losses(loss));
        Assert.Equal(Losses(reference, ScalarType.Float64), Losses(loss, ScalarType.Float64));

        loss.to(ScalarType.Float64);
        reference.to(ScalarType.Float64);
        Assert.Equal(Losses(reference), Losses(loss));
        Assert.Equal(Losses(reference, ScalarType.Float64), Losses(loss, ScalarType.Float64));
    }
}
