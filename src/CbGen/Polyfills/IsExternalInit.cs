#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 builds use records and <c>init</c> accessors (the compiler only needs the type).</summary>
internal static class IsExternalInit
{
}
#endif
