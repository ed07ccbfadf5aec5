using System;
using System.Linq;
using System.Reflection;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The module's weight caches (issue 16): a cache that is rebuilt on every forward, kept after the buffer it was
/// made from is replaced, or never freed gives the same loss values, so the value tests cannot see it. These tests
/// pin the promise of <see cref="ClassWeightStore"/> itself: each cached tensor is made once per dtype (and divisor)
/// and reused while the buffer stays the same; none is disposed while the buffer lives (a concurrent call in another
/// dtype may hold it), and a new buffer or <c>Dispose</c> frees them all.
/// </summary>
public class ClassWeightStoreTests
{
    private static readonly double[] Alpha = { 0.5, 2.0, 1.5 };

    private static Tensor Input(ScalarType dtype, int rows = 4) => zeros(rows, Alpha.Length, dtype);

    private static void Values(double[] expected, Tensor actual)
    {
        using var cpu = actual.to(ScalarType.Float64).cpu();
        var got = cpu.data<double>().ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], got[i], 6);
        }
    }

    private static double[] Divided(double divisor) => Array.ConvertAll(Alpha, a => a / divisor);

    private static object? Field(ClassWeightSlot slot, string name) =>
        typeof(ClassWeightSlot).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(slot);

    private static Tensor? Kept(ClassWeightStore store, Tensor input, string name) =>
        (Tensor?)Field(store.SlotFor(input), name);

    private static int KeptCount(ClassWeightStore store, Tensor input, string name) =>
        ((KeptList<long, Tensor>)Field(store.SlotFor(input), name)!).Count;

    /// <summary>A store serving a fresh buffer of <c>α</c>; disposing it disposes both.</summary>
    private sealed class Served : IDisposable
    {
        public Served(double[] alpha)
        {
            Buffer = ClassWeightStore.Create(alpha, CPU);
            Store = new ClassWeightStore(allPositive: true).Using(Buffer);
        }

        public Tensor Buffer { get; }

        public ClassWeightStore Store { get; }

        public void Dispose()
        {
            Store.Dispose();
            Buffer.Dispose();
        }
    }

    [Fact]
    public void Logits_of_the_buffers_dtype_get_the_buffer_itself()
    {
        using var served = new Served(Alpha);
        var (buffer, store) = (served.Buffer, served.Store);
        using var input = Input(ScalarType.Float64);

        Assert.Same(buffer, store.Plain(input));
    }

    [Fact]
    public void The_cast_weights_are_made_once_per_dtype_and_kept_for_each()
    {
        using var served = new Served(Alpha);
        var store = served.Store;
        using var f32 = Input(ScalarType.Float32);
        using var bf16 = Input(ScalarType.BFloat16);

        var first = store.Plain(f32);
        Assert.Equal(ScalarType.Float32, first.dtype);
        Assert.Same(first, store.Plain(f32));
        var scaled = store.Scaled(f32, 4);

        var other = store.Plain(bf16);
        Assert.Equal(ScalarType.BFloat16, other.dtype);
        Values(Alpha, other);
        Assert.False(first.IsInvalid, "the float32 cast must be kept when bfloat16 logits come");
        Assert.False(scaled.IsInvalid, "α/n in float32 must be kept when bfloat16 logits come");
        Assert.Same(first, store.Plain(f32));
        Assert.Same(scaled, store.Scaled(f32, 4));
        Assert.Same(other, store.Plain(bf16));
    }

    /// <summary>The cached tensor <paramref name="get"/> serves for one divisor is reused, holds α / divisor, and
    /// stays kept next to another divisor's; past <see cref="ClassWeightSlot.KeptPerKey"/> divisors the tensor is made
    /// per call in the caller's dispose scope; <paramref name="check"/> also runs on the first.</summary>
    private static void KeptPerDivisor(
        Func<ClassWeightStore, Tensor, long, Tensor> get, long first, long second, Action<Tensor>? check = null)
    {
        using var served = new Served(Alpha);
        using var input = Input(ScalarType.Float32);

        var before = get(served.Store, input, first);
        check?.Invoke(before);
        Values(Divided(first), before);
        Assert.Same(before, get(served.Store, input, first));

        var after = get(served.Store, input, second);
        Values(Divided(second), after);
        Assert.False(before.IsInvalid, $"the tensor for divisor {first} must be kept next to divisor {second}'s");
        Assert.Same(after, get(served.Store, input, second));
        Assert.Same(before, get(served.Store, input, first));

        for (long divisor = 10; divisor < 10 + ClassWeightSlot.KeptPerKey; divisor++)
        {
            get(served.Store, input, divisor);
        }

        using var scope = NewDisposeScope();
        var perCall = get(served.Store, input, 99);
        Values(Divided(99), perCall);
        Assert.NotSame(perCall, get(served.Store, input, 99));
        scope.Dispose();
        Assert.True(perCall.IsInvalid, "a tensor past the kept ones must belong to the caller's dispose scope");
        Assert.False(before.IsInvalid);
        Assert.Same(before, get(served.Store, input, first));
    }

    [Fact]
    public void The_divided_weights_are_kept_per_divisor_up_to_a_bound()
    {
        KeptPerDivisor((store, input, divisor) => store.Scaled(input, divisor), 4, 3);
    }

    [Fact]
    public void The_column_views_the_right_weights_and_is_kept_per_divisor()
    {
        KeptPerDivisor((store, input, divisor) => store.Column(input, divisor), 1, 2,
            column => Assert.Equal(new long[] { Alpha.Length, 1 }, column.shape));
    }

    [Fact]
    public void The_identity_and_sign_matrices_are_made_once_per_dtype()
    {
        using var served = new Served(Alpha);
        var store = served.Store;
        using var f32 = Input(ScalarType.Float32);
        using var f64 = Input(ScalarType.Float64);
        using var target = tensor(new long[] { 2, 0, 1, 2 });

        using (var hot = store.OneHot(f32, target)) Values(new double[] { 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1 }, hot);
        using (var signs = store.Signs(f32, target)) Values(new double[] { -1, -1, 1, 1, -1, -1, -1, 1, -1, -1, -1, 1 }, signs);
        var eye = Kept(store, f32, "_eye");
        var signMatrix = Kept(store, f32, "_signs");
        Assert.NotNull(eye);
        Assert.NotNull(signMatrix);
        store.OneHot(f32, target).Dispose();
        store.Signs(f32, target).Dispose();
        Assert.Same(eye, Kept(store, f32, "_eye"));
        Assert.Same(signMatrix, Kept(store, f32, "_signs"));

        store.OneHot(f64, target).Dispose();
        store.Signs(f64, target).Dispose();
        Assert.Equal(ScalarType.Float64, Kept(store, f64, "_eye")!.dtype);
        Assert.False(eye!.IsInvalid, "the float32 identity must be kept when float64 logits come");
        Assert.False(signMatrix!.IsInvalid, "the float32 signs must be kept when float64 logits come");
        Assert.Same(eye, Kept(store, f32, "_eye"));
    }

    [Theory]
    [InlineData(ClassWeightStore.EyeLimit, true)]
    [InlineData(ClassWeightStore.EyeLimit + 1, false)]
    public void One_hot_rows_come_from_a_cached_identity_up_to_the_limit_and_from_a_scatter_above_it(long classes, bool cached)
    {
        var alpha = Enumerable.Repeat(1.0, (int)classes).ToArray();
        using var served = new Served(alpha);
        var store = served.Store;
        using var input = zeros(2, classes);
        using var target = tensor(new long[] { classes - 1, 0 });

        using (var hot = store.OneHot(input, target))
        using (var signs = store.Signs(input, target))
        {
            Assert.Equal(new[] { 0.0, 1.0 }, new double[] { hot[0, 0].item<float>(), hot[0, classes - 1].item<float>() });
            Assert.Equal(new[] { 1.0, -1.0 }, new double[] { signs[1, 0].item<float>(), signs[1, classes - 1].item<float>() });
            Assert.Equal(2.0, hot.sum().item<float>());
        }

        Assert.Equal(cached, Kept(store, input, "_eye") is not null);
        Assert.Equal(cached, Kept(store, input, "_signs") is not null);
        Assert.Equal(!cached, KeptCount(store, input, "_ones") > 0);
    }

    [Fact]
    public void A_divisor_of_one_uses_the_weights_without_dividing_them()
    {
        using var served = new Served(Alpha);
        var store = served.Store;
        using var input = Input(ScalarType.Float32);

        Values(Alpha, store.Column(input, 1));
        Assert.Equal(0, KeptCount(store, input, "_scaled"));
    }

    [Fact]
    public void A_new_buffer_frees_every_cache_and_the_same_buffer_keeps_them()
    {
        using var buffer = ClassWeightStore.Create(Alpha, CPU);
        using var next = ClassWeightStore.Create(new double[] { 3.0, 0.25, 1.0 }, CPU);
        using var store = new ClassWeightStore(allPositive: true).Using(buffer);
        using var input = Input(ScalarType.Float32);

        var plain = store.Plain(input);
        var column = store.Column(input, 5);
        Assert.Same(store, store.Using(buffer));
        Assert.Same(plain, store.Plain(input));
        Assert.Same(column, store.Column(input, 5));

        store.Using(next);
        Assert.True(plain.IsInvalid, "the cast of the old buffer must be disposed");
        Assert.True(column.IsInvalid, "the column of the old buffer must be disposed");
        Values(new[] { 3.0, 0.25, 1.0 }, store.Plain(input));
        Assert.False(buffer.IsInvalid, "the store never disposes the module's buffer");
    }

    [Fact]
    public void Disposing_the_store_frees_every_cache_but_not_the_buffer()
    {
        using var buffer = ClassWeightStore.Create(Alpha, CPU);
        var store = new ClassWeightStore(allPositive: true).Using(buffer);
        using var input = Input(ScalarType.Float32, rows: 2);
        using var target = tensor(new long[] { 1, 0 });
        var plain = store.Plain(input);
        var scaled = store.Scaled(input, 2);
        var column = store.Column(input, 2);
        store.OneHot(input, target).Dispose();
        store.Signs(input, target).Dispose();
        var cached = new[] { "_eye", "_signs" }.Select(name => Kept(store, input, name)!).ToArray();

        store.Dispose();

        foreach (var t in new[] { plain, scaled, column }.Concat(cached))
        {
            Assert.True(t.IsInvalid);
        }

        Assert.False(buffer.IsInvalid);
    }
}
