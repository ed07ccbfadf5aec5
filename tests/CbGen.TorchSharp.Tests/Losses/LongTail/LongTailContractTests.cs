using System;
using CbGen.TorchSharp;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests
{
    /// <summary>
    /// What `./build.sh mutate longtail` found untested (issue 16's habit applied to the logit-adjusted and LDAM
    /// losses): the shift cache's reuse and disposal, the options and null checks of the factory methods and the
    /// functional forms, per-class tensors whose largest value is the bad one, a soft target, a buffer disposed by
    /// the caller, and LDAM-DRW's negative K, rejected before anything is allocated.
    /// </summary>
    public sealed class LongTailContractTests
    {
        private static readonly long[] Counts = { 300, 40, 5 };

        private static Tensor Labels() => tensor(new long[] { 0, 2 });

        [Fact]
        public void The_shift_cache_reuses_its_tensor_until_the_buffer_or_dtype_changes_and_frees_what_it_replaces()
        {
            using var scope = NewDisposeScope();
            using var cache = new ShiftCache(copy => copy.mul(2.0));
            var first = tensor(new[] { 1.0, 2.0 });
            var second = tensor(new[] { 5.0, 7.0 });
            var input = zeros(3, 2, ScalarType.Float64);

            var a = cache.For(first, input);
            Assert.Same(a, cache.For(first, input));
            Assert.Equal(new[] { 2.0, 4.0 }, a.data<double>().ToArray());

            var b = cache.For(second, input);
            Assert.Equal(new[] { 10.0, 14.0 }, b.data<double>().ToArray());
            Assert.True(a.IsInvalid, "the tensor made from the replaced buffer was not disposed");

            var c = cache.For(second, zeros(3, 2, ScalarType.Float32));
            Assert.Equal(ScalarType.Float32, c.dtype);
            Assert.True(b.IsInvalid, "the float64 tensor was not disposed when float32 logits came");
            Assert.Same(c, cache.For(second, zeros(1, 2, ScalarType.Float32)));

            cache.Dispose();
            Assert.True(c.IsInvalid, "Dispose did not free the cached tensor");
        }

        [Fact]
        public void Dispose_frees_the_cached_shift_and_the_buffers()
        {
            using var scope = NewDisposeScope();
            var logits = zeros(2, 3);
            var labels = Labels();
            var statistics = DisposeScopeManager.Statistics.TensorStatistics;
            long live = statistics.ThreadTotalLiveCount;
            var loss = new LogitAdjustedLoss(Counts, weight: new[] { 1.0, 2.0, 3.0 }, device: CbDevice.Cpu);
            var priors = loss.LogPriors;
            loss.forward(logits, labels).Dispose();   // caches the float32 shift and weights
            loss.Dispose();
            Assert.True(priors.IsInvalid);
            Assert.Equal(live, statistics.ThreadTotalLiveCount);
        }

        [Fact]
        public void A_buffer_disposed_by_the_caller_makes_forward_throw_ObjectDisposedException()
        {
            using var scope = NewDisposeScope();
            using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
            la.LogPriors.Dispose();
            var ex = Assert.Throws<ObjectDisposedException>(() => la.forward(zeros(2, 3), Labels()));
            Assert.Contains("LogitAdjustedLoss", ex.Message);
        }

        [Fact]
        public void Forward_rejects_a_null_target_and_a_soft_target_naming_class_indices_only()
        {
            using var scope = NewDisposeScope();
            using var la = new LogitAdjustedLoss(Counts, device: CbDevice.Cpu);
            using var ldam = new LdamLoss(Counts, device: CbDevice.Cpu);
            foreach (nn.Module<Tensor, Tensor, Tensor> loss in new nn.Module<Tensor, Tensor, Tensor>[] { la, ldam })
            {
                Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => loss.forward(zeros(2, 3), null!)).ParamName);
                var soft = Assert.Throws<ArgumentException>(() => loss.forward(zeros(2, 3), full(2, 3, 1.0 / 3)));
                Assert.Equal("target", soft.ParamName);
                Assert.Contains("Int64 class indices of shape [2]", soft.Message);
                Assert.DoesNotContain("floating", soft.Message);
            }
        }

        [Fact]
        public void Factory_methods_check_their_options_and_per_class_values()
        {
            Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
                LdamLoss.FromMargins(new[] { 0.1 }, reduction: (Reduction)9)).ParamName);
            Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
                LdamLoss.FromMargins(new[] { 0.1 }, normalizer: (MeanNormalizer)9)).ParamName);
            Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
                LogitAdjustedLoss.FromLogPriors(new[] { -1.0 }, reduction: (Reduction)9)).ParamName);
            Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
                LogitAdjustedLoss.FromLogPriors(new[] { -1.0 }, normalizer: (MeanNormalizer)9)).ParamName);

            Assert.Contains("margins are empty", Assert.Throws<ArgumentException>(() =>
                LdamLoss.FromMargins(Array.Empty<double>())).Message);
            Assert.Contains("log-priors are empty", Assert.Throws<ArgumentException>(() =>
                LogitAdjustedLoss.FromLogPriors(Array.Empty<double>())).Message);
            var infinite = Assert.Throws<ArgumentException>(() =>
                LdamLoss.FromMargins(new[] { 0.1, double.PositiveInfinity }));
            Assert.Equal("margins", infinite.ParamName);
            Assert.Contains("class 1 is Infinity", infinite.Message);
        }

        [Fact]
        public void LDAM_DRW_rejects_a_negative_K_before_any_module_is_built()
        {
            var statistics = DisposeScopeManager.Statistics.TensorStatistics;
            long live = statistics.ThreadTotalLiveCount;
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
                DeferredReweightingLoss.LdamDrw(Counts, deferUntilEpoch: -1, device: CbDevice.Cpu));
            Assert.Equal("deferUntilEpoch", ex.ParamName);
            Assert.Equal(live, statistics.ThreadTotalLiveCount);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(double.NaN)]
        public void The_functional_LDAM_checks_the_scale(double scale)
        {
            using var scope = NewDisposeScope();
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
                CbFunctional.ldam_cross_entropy(zeros(2, 3), Labels(), zeros(3), scale));
            Assert.Equal("scale", ex.ParamName);
        }

        [Fact]
        public void The_functional_forms_check_their_options()
        {
            using var scope = NewDisposeScope();
            var logits = zeros(2, 3);
            Func<Reduction, MeanNormalizer, Tensor>[] forms =
            {
                (r, n) => CbFunctional.logit_adjusted_cross_entropy(logits, Labels(), zeros(3), reduction: r, normalizer: n),
                (r, n) => CbFunctional.ldam_cross_entropy(logits, Labels(), zeros(3), reduction: r, normalizer: n),
            };
            foreach (var form in forms)
            {
                Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(() =>
                    form((Reduction)9, MeanNormalizer.WeightSum)).ParamName);
                Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(() =>
                    form(Reduction.Mean, (MeanNormalizer)9)).ParamName);
            }
        }

        [Fact]
        public void The_functional_forms_name_a_null_or_misshapen_argument()
        {
            using var scope = NewDisposeScope();
            var logits = zeros(2, 3);
            Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() =>
                CbFunctional.logit_adjusted_cross_entropy(null!, Labels(), zeros(3))).ParamName);
            Assert.Equal("log_priors", Assert.Throws<ArgumentNullException>(() =>
                CbFunctional.logit_adjusted_cross_entropy(logits, Labels(), null!)).ParamName);
            Assert.Equal("target", Assert.Throws<ArgumentNullException>(() =>
                CbFunctional.ldam_cross_entropy(logits, null!, zeros(3))).ParamName);

            var rank1 = Assert.Throws<ArgumentException>(() =>
                CbFunctional.ldam_cross_entropy(zeros(3), Labels(), zeros(3)));
            Assert.Equal("logits", rank1.ParamName);
            Assert.Equal("logits", Assert.Throws<ArgumentException>(() =>
                CbFunctional.adjust_logits(zeros(3), zeros(3))).ParamName);

            Assert.Contains("rank-1 tensor of 3 margins", Assert.Throws<ArgumentException>(() =>
                CbFunctional.ldam_cross_entropy(logits, Labels(), zeros(4))).Message);
            Assert.Contains("rank-1 tensor of 3 log-priors", Assert.Throws<ArgumentException>(() =>
                CbFunctional.adjust_logits(logits, zeros(2))).Message);
        }

        [Theory]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NaN)]
        public void A_non_finite_largest_per_class_value_is_rejected(double bad)
        {
            using var scope = NewDisposeScope();
            var logits = zeros(2, 3);
            var values = tensor(new[] { 0.1, bad, 0.2 });
            Assert.Equal("margins", Assert.Throws<ArgumentException>(() =>
                CbFunctional.ldam_cross_entropy(logits, Labels(), values)).ParamName);
            Assert.Equal("log_priors", Assert.Throws<ArgumentException>(() =>
                CbFunctional.adjust_logits(logits, values)).ParamName);
            Assert.Equal("log_priors", Assert.Throws<ArgumentException>(() =>
                CbFunctional.adjust_logits(logits, new[] { 0.1, bad, 0.2 })).ParamName);
        }

        [Theory]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        public void Post_hoc_adjustment_checks_tau_in_every_overload(double tau)
        {
            using var scope = NewDisposeScope();
            var logits = zeros(2, 3);
            Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() =>
                CbFunctional.adjust_logits(logits, zeros(3), tau)).ParamName);
            Assert.Equal("tau", Assert.Throws<ArgumentOutOfRangeException>(() =>
                CbFunctional.adjust_logits(logits, new[] { 0.0, 0.0, 0.0 }, tau)).ParamName);
        }
    }
}
