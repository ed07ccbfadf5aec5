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
/// pin the promise of <see cref="ClassWeightStore"/> itself: each cached tensor is made once and reused while the
/// buffer, dtype and divisor stay the same, and the one it replaces is disposed at once.
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

    private static Tensor? Field(ClassWeightStore store, string name) =>
        (Tensor?)typeof(ClassWeightStore).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(store);

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
        Assert.Null(Field(store, "_plain"));
    }

    [Fact]
    public void The_cast_weights_are_made_once_per_dtype_and_the_old_cast_is_freed()
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
        Assert.True(first.IsInvalid, "the float32 cast must be disposed when the dtype changes");
        Assert.True(scaled.IsInvalid, "α/n made from the float32 cast must go with it");
        Values(Alpha, other);
    }

    /// <summary>The cached tensor <paramref name="get"/> serves for one divisor is reused, holds α / divisor, and
    /// is disposed once another divisor's tensor replaces it; <paramref name="check"/> also runs on the first.</summary>
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
        Assert.True(before.IsInvalid, $"the tensor for divisor {first} must be disposed once divisor {second} replaces it");
        Assert.Same(after, get(served.Store, input, second));
    }

    [Fact]
    public void The_divided_weights_are_kept_for_one_divisor_and_replaced_for_another()
    {
        KeptPerDivisor((store, input, divisor) => store.Scaled(input, divisor), 4, 3);
    }

    [Fact]
    public void The_column_views_the_right_weights_and_is_replaced_with_them()
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
        var eye = Field(store, "_eye");
        var signMatrix = Field(store, "_signs");
        store.OneHot(f32, target).Dispose();
        store.Signs(f32, target).Dispose();
        Assert.Same(eye, Field(store, "_eye"));
        Assert.Same(signMatrix, Field(store, "_signs"));

        store.OneHot(f64, target).Dispose();
        store.Signs(f64, target).Dispose();
        Assert.True(eye!.IsInvalid, "the float32 identity must be disposed when the dtype changes");
        Assert.True(signMatrix!.IsInvalid, "the float32 signs must be disposed when the dtype changes");
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

        Assert.Equal(cached, Field(store, "_eye") is not null);
        Assert.Equal(cached, Field(store, "_signs") is not null);
        Assert.Equal(!cached, Field(store, "_ones") is not null);
    }

    [Fact]
    public void A_divisor_of_one_uses_the_weights_without_dividing_them()
    {
        using var served = new Served(Alpha);
        var store = served.Store;
        using var input = Input(ScalarType.Float32);

        Values(Alpha, store.Column(input, 1));
        Assert.Null(Field(store, "_scaled"));
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
        var cached = new[] { "_eye", "_signs" }.Select(name => Field(store, name)!).ToArray();

        store.Dispose();

        foreach (var t in new[] { plain, scaled, column }.Concat(cached))
        {
            Assert.True(t.IsInvalid);
        }

        Assert.False(buffer.IsInvalid);
    }
}
