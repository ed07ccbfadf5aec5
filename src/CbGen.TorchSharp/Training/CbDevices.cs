using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp;

/// <summary>Maps a <see cref="CbDevice"/> request onto a TorchSharp <see cref="Device"/>.</summary>
public static class CbDevices
{
    /// <summary>
    /// Resolves <paramref name="requested"/>: <see cref="CbDevice.Auto"/> is the first CUDA device when
    /// <c>torch.cuda.is_available()</c> and the CPU otherwise; <see cref="CbDevice.Cpu"/> is the CPU;
    /// <see cref="CbDevice.Cuda"/> is the first CUDA device.
    /// </summary>
    /// <param name="requested">The device a loss was configured with.</param>
    /// <returns>The device to keep the class weights on.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> was requested but CUDA is not
    /// available (no CUDA backend package or no GPU).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requested"/> is not a defined value.</exception>
    public static Device Resolve(CbDevice requested)
    {
        // Only ask libtorch about CUDA when the answer matters (Cpu never needs it).
        bool cudaAvailable = requested != CbDevice.Cpu && cuda.is_available();
        return Choose(requested, cudaAvailable) == DeviceType.CUDA
            ? new Device(DeviceType.CUDA, 0)
            : CPU;
    }

    /// <summary>The pure decision behind <see cref="Resolve"/>, testable without a GPU.</summary>
    internal static DeviceType Choose(CbDevice requested, bool cudaAvailable)
    {
        switch (requested)
        {
            case CbDevice.Auto:
                return cudaAvailable ? DeviceType.CUDA : DeviceType.CPU;
            case CbDevice.Cpu:
                return DeviceType.CPU;
            case CbDevice.Cuda:
                if (!cudaAvailable)
                {
                    throw new InvalidOperationException(
                        "CbDevice.Cuda was requested but CUDA is unavailable: torch.cuda.is_available() is false. "
                        + "Reference a TorchSharp CUDA backend package (for example libtorch-cuda-12.8-linux-x64 or "
                        + "TorchSharp-cuda-linux / TorchSharp-cuda-windows) on a machine with an NVIDIA GPU and driver, "
                        + "or use CbDevice.Cpu or CbDevice.Auto (which falls back to the CPU).");
                }

                return DeviceType.CUDA;
            default:
                throw Validation.OutOfRange(nameof(requested), requested,
                    "Unknown CbDevice value; use CbDevice.Auto, CbDevice.Cpu or CbDevice.Cuda.");
        }
    }
}
