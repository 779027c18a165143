// profile only JSON ingestion phase
process.env.BENCH_BATCHES ??= '30';
