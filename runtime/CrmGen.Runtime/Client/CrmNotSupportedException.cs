namespace CrmGen;

/// <summary>
/// A provider does not define the requested operation, or defines it with other input or output
/// types than the caller asked for. Thrown before any HTTP request.
/// </summary>
public sealed class CrmNotSupportedException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="resource">The resource, e.g. <c>contacts</c>.</param>
    /// <param name="operation">The operation, e.g. <c>create</c>.</param>
    /// <param name="message">What is wrong.</param>
    public CrmNotSupportedException(string provider, string resource, string operation, string message)
        : base(message)
    {
        Provider = provider;
        Resource = resource;
        Operation = operation;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The operation.</summary>
    public string Operation { get; }
}
