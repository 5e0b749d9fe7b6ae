using System;

namespace CrmGen.Generator.Emit;

/// <summary>
/// The bound model holds something the emitter cannot express (a binder bug). The generator
/// catches it and emits nothing for the provider rather than crash the compiler.
/// </summary>
internal sealed class EmitException : Exception
{
    public EmitException(string message) : base(message)
    {
    }
}
