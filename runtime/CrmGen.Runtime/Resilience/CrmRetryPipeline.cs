using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.ExceptionServices;
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
    private static readonly ResiliencePropertyKey<FirstAttempt> CallKey = new("CrmGen.Call");

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
                DelayGenerator = args => new ValueTask<TimeSpan?>(CallOf(args.Context).Call.NextDelay),
                OnRetry = args =>
                {
                    LogRetry(CallOf(args.Context).Call, args.Outcome, args.RetryDelay, args.AttemptNumber);
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    /// <summary>The most requests one call may send.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>
    /// True when the outcome of the call's first attempt is one the retry rules repeat; the client
    /// sends the first attempt itself (most calls succeed, or fail for good, at once) and only then
    /// hands the call to <see cref="RetryAsync"/>.
    /// </summary>
    public bool ShouldRetryFirst(CrmCall call, HttpResponseMessage? response, Exception? failure, CancellationToken cancellationToken)
        => _options.MaxAttempts > 1 && ShouldRetry(call, cancellationToken,
            failure is null ? Outcome.FromResult(response!) : Outcome.FromException<HttpResponseMessage>(failure));

    /// <summary>
    /// Repeats a call whose first attempt gave <paramref name="response"/> or
    /// <paramref name="failure"/> (and <see cref="ShouldRetryFirst"/> said so) through the Polly
    /// pipeline, which is handed that outcome as its own first attempt, so its attempt count,
    /// backoff and logging are those of a pipeline that had sent it. Returns the last response
    /// (the caller disposes it).
    /// </summary>
    public async Task<HttpResponseMessage> RetryAsync(CrmCall call, HttpResponseMessage? response, ExceptionDispatchInfo? failure, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, new FirstAttempt(call, response, failure));
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, attempt) => attempt.NextAsync(ctx.CancellationToken),
                context,
                CallOf(context)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static FirstAttempt CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
        => ShouldRetry(CallOf(context).Call, context.CancellationToken, outcome);

    private bool ShouldRetry(CrmCall call, CancellationToken cancellationToken, Outcome<HttpResponseMessage> outcome)
    {
        call.NextDelay = null;

        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException failure
                && RetryClassifier.MayRetryFailure(failure, call.SafeToRepeat)
                && !cancellationToken.IsCancellationRequested;
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

    /// <summary>A call whose first attempt was already sent: the pipeline's first attempt gives its outcome back.</summary>
    private sealed class FirstAttempt(CrmCall call, HttpResponseMessage? response, ExceptionDispatchInfo? failure)
    {
        private bool _given;

        public CrmCall Call { get; } = call;

        public ValueTask<HttpResponseMessage> NextAsync(CancellationToken cancellationToken)
        {
            if (_given) return new ValueTask<HttpResponseMessage>(Call.SendOnceAsync(cancellationToken));
            _given = true;
            failure?.Throw();
            return new ValueTask<HttpResponseMessage>(response!);
        }
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
