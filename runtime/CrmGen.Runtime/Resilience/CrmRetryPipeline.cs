using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CrmGen;

/// <summary>
/// Sends a <see cref="CrmCall"/> and repeats it as <see cref="CrmRetryOptions"/> allows: a Polly
/// retry strategy (exponential backoff with jitter, capped, on the client's
/// <see cref="TimeProvider"/>) whose predicate and delay come from <see cref="RetryClassifier"/>
/// and <see cref="ProviderRetryDelay"/>. The last answer, success or not, is returned; a failed
/// answer that is retried is disposed first.
/// </summary>
internal sealed class CrmRetryPipeline
{
    private static readonly ResiliencePropertyKey<CrmCall> CallKey = new("CrmGen.Call");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly CrmRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CrmRetryPipeline(CrmRetryOptions options, TimeProvider time, ILogger logger)
    {
        options.Validate();
        _options = options;
        _time = time;
        _logger = logger;

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "CrmGen.Retry",
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(CallOf(args.Context).NextDelay),
                OnRetry = args =>
                {
                    LogRetry(CallOf(args.Context), args.Outcome, args.RetryDelay, args.AttemptNumber);
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    /// <summary>The most requests one call may send.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>Sends the call, retrying as allowed; returns the last response (the caller disposes it).</summary>
    public async Task<HttpResponseMessage> SendAsync(CrmCall call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, c) => new ValueTask<HttpResponseMessage>(c.SendOnceAsync(ctx.CancellationToken)),
                context,
                call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static CrmCall CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var call = CallOf(context);
        call.NextDelay = null;

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException failure
                && RetryClassifier.MayRetryFailure(failure, call.SafeToRepeat)
                && !context.CancellationToken.IsCancellationRequested;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (!RetryClassifier.MayRetryStatus(status, call.SafeToRepeat, _options.RetryRateLimitedCreates)) return false;

        var asked = ProviderRetryDelay.Read(response.Headers, _time.GetUtcNow());
        call.AskedDelay = asked;
        if (asked is { } wait)
        {
            // Waiting less than asked would only earn another refusal; waiting longer than allowed
            // (or than the timeout leaves) is the caller's decision, so give up with the answer.
            if (wait > _options.MaxProviderDelay || !call.HasTimeFor(wait, _time)) return false;
            call.NextDelay = wait;
        }
        return true;
    }

    private void LogRetry(CrmCall call, Outcome<HttpResponseMessage> outcome, TimeSpan delay, int retryIndex)
    {
        if (!_logger.IsEnabled(LogLevel.Information)) return;
        var reason = outcome.Exception is HttpRequestException failure
            ? "a transport failure (" + failure.HttpRequestError.ToString() + ")"
            : outcome.Result is { } response
                ? "status " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : "a failure";
        CrmClientLog.Retrying(_logger, call.Method, call.Path, call.Provider.Name, reason, retryIndex + 2, _options.MaxAttempts, delay.TotalMilliseconds);
    }
}
