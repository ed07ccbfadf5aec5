using System;
using System.Threading;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// The three [B, C] scratch tensors of a distribution-balanced call (the weight, v and log max(σ, 1 − σ)), kept by the module
/// between calls: on the CPU a fresh [B, C] allocation can cost as much as a pass over it (the allocator hands the
/// memory back and the next call faults it in again), and whether it does depends on what else the process
/// allocates. A call takes the pair with <see cref="Interlocked.Exchange{T}(ref T, T)"/>, so two concurrent or
/// nested calls never share it (the one that finds it taken allocates its own); nothing a call returns or saves for
/// backward is a workspace tensor. Like <see cref="ShiftCache"/>, the tensors live here, never in a module field that
/// TorchSharp's reflection could take for a buffer, are detached from every dispose scope and die with the module.
/// </summary>
internal sealed class DbWorkspace : IDisposable
{
    private Tensor[]? _free;

    /// <summary>Three tensors shaped, typed and placed like <paramref name="like"/>, with arbitrary contents: the kept
    /// ones when they fit, else fresh ones. Give them back with <see cref="Return"/>.</summary>
    internal Tensor[] Take(Tensor like)
    {
        var pair = Interlocked.Exchange(ref _free, null);
        if (pair is not null && Fits(pair, like))
        {
            return pair;
        }

        DisposeAll(pair);
        return new[] { Scratch(like), Scratch(like), Scratch(like) };
    }

    /// <summary>Keeps <paramref name="pair"/> for the next call (or disposes it when another call's tensors are
    /// already kept).</summary>
    internal void Return(Tensor[] pair)
    {
        if (Interlocked.CompareExchange(ref _free, pair, null) is not null)
        {
            DisposeAll(pair);
        }
    }

    public void Dispose() => DisposeAll(Interlocked.Exchange(ref _free, null));

    private static Tensor Scratch(Tensor like)
    {
        using var guard = no_grad();
        return empty(like.shape, like.dtype, like.device).DetachFromDisposeScope();
    }

    /// <summary>Same dtype, device and [B, C] shape (compared with <c>size(i)</c>: <c>shape</c> allocates an array).</summary>
    private static bool Fits(Tensor[] pair, Tensor like)
    {
        foreach (var tensor in pair)
        {
            if (tensor.IsInvalid || TensorKind.Of(tensor) != TensorKind.Of(like) || tensor.dim() != like.dim())
            {
                return false;
            }

            for (int i = 0; i < like.dim(); i++)
            {
                if (tensor.size(i) != like.size(i))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void DisposeAll(Tensor[]? pair)
    {
        if (pair is null)
        {
            return;
        }

        foreach (var tensor in pair)
        {
            tensor.Dispose();
        }
    }
}
