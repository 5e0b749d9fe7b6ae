using System;
using System.Text.Json;

namespace CrmGen;

/// <summary>Writes an operation's request body into a pooled buffer with a per-thread cached <see cref="Utf8JsonWriter"/>.</summary>
internal static class JsonBodyWriter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes the body; the caller owns (and disposes) the returned buffer.</summary>
    public static PooledBufferWriter Write<TInput, TOutput>(CrmOperation<TInput, TOutput> operation, IntegratedAccount account, TInput input)
        where TInput : class
        where TOutput : class
    {
        var buffer = new PooledBufferWriter();
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            t_writer = null;
            writer.Reset(buffer);
        }

        try
        {
            operation.WriteBody(writer, account, input);
            writer.Flush();
            if (writer.BytesCommitted == 0)
            {
                throw new CrmConfigurationException($"The {operation.Resource} {operation.Name} operation of provider '{operation.Provider}' declares a body but wrote none.");
            }
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        finally
        {
            writer.Reset();
            t_writer = writer;
        }
    }
}
