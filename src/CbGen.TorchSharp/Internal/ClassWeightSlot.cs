using System;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The tensors a <see cref="ClassWeightStore"/> keeps for one dtype and device of the logits: the weights cast to it,
/// α / n per normaliser n, their [C, 1] columns, the identity matrix and its signs, and ones columns per batch size.
/// Each is made once, under the store's lock, and never replaced or disposed while the module lives, so a call
/// (concurrent ones included) never sees a tensor disposed under it; reads take no lock. At most
/// <see cref="KeptPerKey"/> normalisers or batch sizes are kept; beyond that the tensor is made per call, in the
/// caller's dispose scope (as the functional forms do).
/// </summary>
internal sealed class ClassWeightSlot : IDisposable
{
    /// <summary>How many normalisers (or batch sizes) a slot keeps tensors for.</summary>
    internal const int KeptPerKey = 8;

    private readonly object _gate;
    private readonly bool _ownsPlain;
    private readonly Tensor _plainColumn;
    private KeptList<long, Tensor> _scaled = KeptList<long, Tensor>.Empty;
    private KeptList<long, Tensor> _columns = KeptList<long, Tensor>.Empty;
    private KeptList<long, Tensor> _ones = KeptList<long, Tensor>.Empty;
    private Tensor? _eye;
    private Tensor? _signs;

    /// <summary>Call under <paramref name="gate"/> (the store's lock).</summary>
    internal ClassWeightSlot(Tensor buffer, Tensor input, TensorKind kind, object gate)
    {
        _gate = gate;
        using var guard = no_grad();
        _ownsPlain = TensorKind.Of(buffer) != kind;
        Plain = _ownsPlain ? buffer.to(input.dtype, input.device).DetachFromDisposeScope() : buffer;
        _plainColumn = Plain.unsqueeze(1).DetachFromDisposeScope();
    }

    /// <summary>The weights α [C] in this slot's dtype and device (the buffer itself when it already is).</summary>
    internal Tensor Plain { get; }

    /// <summary>α / <paramref name="divisor"/> [C]: kept, or made in the current dispose scope when
    /// <see cref="KeptPerKey"/> divisors are kept already.</summary>
    internal Tensor Scaled(long divisor) => Volatile.Read(ref _scaled).Find(divisor) ?? AddScaled(divisor);

    /// <summary>α / <paramref name="divisor"/> as a column [C, 1] (α itself for 1); kept like <see cref="Scaled"/>.</summary>
    internal Tensor Column(long divisor) =>
        divisor == 1 ? _plainColumn : Volatile.Read(ref _columns).Find(divisor) ?? AddColumn(divisor);

    /// <summary>The identity matrix [C, C].</summary>
    internal Tensor Eye(Tensor input) => Volatile.Read(ref _eye) ?? MakeEye(input, signs: false);

    /// <summary>2·I − 1 [C, C].</summary>
    internal Tensor Signs(Tensor input) => Volatile.Read(ref _signs) ?? MakeEye(input, signs: true);

    /// <summary>A ones column [B, 1] for <paramref name="input"/>'s batch size B; kept like <see cref="Scaled"/>.</summary>
    internal Tensor Ones(Tensor input)
    {
        long rows = input.size(0);
        return Volatile.Read(ref _ones).Find(rows) ?? AddOnes(input, rows);
    }

    /// <summary>Call under the store's lock.</summary>
    public void Dispose()
    {
        if (_ownsPlain)
        {
            Plain.Dispose();
        }

        _plainColumn.Dispose();
        KeptList<long, Tensor>.DisposeAll(ref _scaled);
        KeptList<long, Tensor>.DisposeAll(ref _columns);
        KeptList<long, Tensor>.DisposeAll(ref _ones);
        _eye?.Dispose();
        _signs?.Dispose();
    }

    private Tensor AddScaled(long divisor) => Keep(ref _scaled, divisor, () =>
    {
        using var by = divisor.ToScalar();
        return Plain.div(by);
    });

    private Tensor AddColumn(long divisor)
    {
        var scaled = Scaled(divisor);
        lock (_gate)
        {
            if (_columns.Find(divisor) is { } found)
            {
                return found;
            }

            if (ReferenceEquals(_scaled.Find(divisor), scaled))
            {
                var column = scaled.unsqueeze(1).DetachFromDisposeScope();
                Volatile.Write(ref _columns, _columns.With(divisor, column));
                return column;
            }
        }

        return scaled.unsqueeze(1);                  // a per-call α / n: its column is per call too
    }

    private Tensor AddOnes(Tensor input, long rows) =>
        Keep(ref _ones, rows, () => ones(rows, 1, input.dtype, input.device));

    /// <summary>The tensor <paramref name="kept"/> holds for <paramref name="key"/>, else a new one from
    /// <paramref name="make"/>: kept when fewer than <see cref="KeptPerKey"/> are, otherwise in the caller's dispose
    /// scope.</summary>
    private Tensor Keep(ref KeptList<long, Tensor> kept, long key, Func<Tensor> make)
    {
        using var guard = no_grad();
        lock (_gate)
        {
            if (kept.Find(key) is { } found)
            {
                return found;
            }

            if (kept.Count < KeptPerKey)
            {
                var made = make().DetachFromDisposeScope();
                Volatile.Write(ref kept, kept.With(key, made));
                return made;
            }
        }

        return make();
    }

    private Tensor MakeEye(Tensor input, bool signs)
    {
        long classes = input.size(1);
        lock (_gate)
        {
            ref var slot = ref signs ? ref _signs : ref _eye;
            if (slot is null)
            {
                Tensor made;
                if (signs)
                {
                    using var identity = eye(classes, classes, input.dtype, input.device);
                    using var two = 2.0.ToScalar();
                    using var one = 1.0.ToScalar();
                    made = identity.mul(two).sub_(one);
                }
                else
                {
                    made = eye(classes, classes, input.dtype, input.device);
                }

                Volatile.Write(ref slot, made.DetachFromDisposeScope());
            }

            return slot!;
        }
    }
}
