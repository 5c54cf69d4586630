import Testing

@testable import ChanscopeEngine

/// The one number formatter takes any `Double` without trapping, and prints what a person writes.
@Suite struct NumberTextTests {
    @Test func plainNumbersHaveNoNeedlessDecimals() {
        #expect(NumberText.plain(2000) == "2000")
        #expect(NumberText.plain(0.25) == "0.25")
        #expect(NumberText.plain(-3) == "-3")
        #expect(NumberText.plain(12.5) == "12.5")
        #expect(NumberText.plain(0) == "0")
    }

    @Test func hugeTinyAndNonFiniteValuesNeverTrap() {
        #expect(NumberText.plain(1e20) == "1e20")
        #expect(NumberText.plain(-2.5e18) == "-2.5e18")
        #expect(NumberText.plain(.greatestFiniteMagnitude).hasPrefix("1.8e308"))
        #expect(NumberText.plain(.nan) == "nan")
        #expect(NumberText.plain(.infinity) == "inf")
        #expect(NumberText.plain(-.infinity) == "-inf")
        #expect(NumberText.fixed(9.3e18, decimals: 0) == "9.3e18")
        #expect(NumberText.fixed(1e300, decimals: 3) == "1e300")
        #expect(NumberText.fixed(.nan, decimals: 2) == "nan")
        #expect(NumberText.plain(1e-7) == "1e-7")
        #expect(NumberText.plain(0.0001) == "0.0001")
        #expect(NumberText.rate(.infinity) == "inf/s")
        #expect(NumberText.rate(.nan) == "0/s")
        #expect(NumberText.elapsed(.infinity) == "00:00.0")
        #expect(NumberText.elapsed(1e300).hasSuffix(".0"))
        #expect(NumberText.percent(.nan) == "0%")
    }

    @Test func fixedRoundsHalfAwayFromZeroAndPads() {
        #expect(NumberText.fixed(12.3, decimals: 2) == "12.30")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-1.5, decimals: 0) == "-2")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberText.fixed(5, decimals: 0) == "5")
    }

    @Test func ratesLatenciesAndClocks() {
        #expect(NumberText.rate(9.84) == "9.8/s")
        #expect(NumberText.rate(120.4) == "120/s")
        #expect(NumberText.rate(12_345) == "12.3k/s")
        #expect(NumberText.rate(4_560_000) == "4.6M/s")
        #expect(NumberText.rate(0) == "0/s")
        // Where rounding reaches the next form, the next form: a rate hovering at 10/s reads
        // `10/s` either side, never `10.0/s` one sample and `10/s` the next.
        #expect(NumberText.rate(9.97) == "10/s" && NumberText.rate(10.02) == "10/s" && NumberText.rate(9.94) == "9.9/s")
        #expect(NumberText.rate(999.7) == "1.0k/s" && NumberText.rate(999_960) == "1.0M/s")
        #expect(NumberText.latency(microseconds: 80) == "0.08ms")
        #expect(NumberText.latency(microseconds: 12_000) == "12ms")
        #expect(NumberText.latency(microseconds: 1_200_000) == "1.2s")
        #expect(NumberText.elapsed(68.95) == "01:08.9")
        #expect(NumberText.percent(94.6) == "95%")
    }

    @Test func decimalsFollowTheStep() {
        #expect(NumberText.decimals(forStep: 1) == 0)
        #expect(NumberText.decimals(forStep: 0.25) == 2)
        #expect(NumberText.decimals(forStep: 0.1) == 1)
        #expect(NumberText.decimals(forStep: 1e-5) == 3)
        #expect(NumberText.decimals(forStep: .nan) == 0)
    }

    @Test func saturatingConversionsNeverTrap() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 1e300) == .max)
        #expect(Int(saturating: -1e300) == .min)
        #expect(Int(saturating: 9.2e18) == .max)
        #expect(Int(saturating: 41.9) == 41)
        #expect(UInt64(saturating: -5) == 0)
        #expect(UInt64(saturating: .infinity) == .max)
        #expect(UInt64.nanoseconds(fromMilliseconds: 1.85e13) == .max)
        #expect(UInt64.nanoseconds(fromMilliseconds: 2.5) == 2_500_000)
        #expect(UInt64.nanoseconds(fromSeconds: .nan) == 0)
    }
}
