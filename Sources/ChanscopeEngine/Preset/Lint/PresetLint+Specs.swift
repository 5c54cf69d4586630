import Channels

extension PresetLint {
    /// The channels whose kind and capacity go together; the others are reported in the
    /// `Channels` library's words, at the key the fix belongs to.
    static func channelSpecs(_ section: PresetDraft.Section<PresetDraft.Channel>, findings: inout PresetFindings) -> [ChannelSpec] {
        var specs: [ChannelSpec] = []
        for entry in section.entries where entry.complete {
            guard let kindName = entry.spec.kind, let kindLocation = entry.fields["kind"] else { continue }
            if entry.spec.transport != nil || entry.spec.bufferBytes != nil || entry.spec.messageBytes != nil || entry.spec.messageBytesKnob != nil {
                if let spec = transportSpec(entry, kind: kindName, findings: &findings) { specs.append(spec) }
                continue
            }
            let capacityLocation = entry.fields["capacity"] ?? entry.location.at("\(entry.location.path).capacity")
            switch ChannelKind.make(name: kindName, capacity: entry.spec.capacity) {
            case .success(let kind):
                if entry.spec.reliability != nil && entry.spec.link == nil, let at = entry.fields["protocol"] {
                    findings.add(.meaning, at: at, PresetWording.protocolWithoutLink)
                    continue
                }
                var link = entry.spec.link
                link?.reliability = entry.spec.reliability
                var spec = ChannelSpec(name: entry.name, kind: kind, link: link)
                spec.priorities = entry.spec.priorities
                spec.aging = entry.spec.aging
                specs.append(spec)
            case .failure(let error):
                switch error {
                case .unknownKind:
                    findings.add(.meaning, at: kindLocation, PresetWording.kind(error))
                case .capacityRequired:
                    findings.add(.meaning, at: entry.location.at(capacityLocation.path), PresetWording.kind(error))
                case .capacityTooSmall, .capacityNotAllowed:
                    findings.add(.meaning, at: capacityLocation, PresetWording.kind(error))
                }
            }
        }
        return specs
    }

    /// The knobs whose numbers agree with each other and whose names are their own.
    static func knobSpecs(_ section: PresetDraft.Section<KnobSpec>, findings: inout PresetFindings) -> [KnobSpec] {
        var specs: [KnobSpec] = []
        for entry in section.entries {
            var valid = entry.complete
            if entry.name.contains(".") {
                findings.add(.meaning, at: entry.keyLocation, PresetWording.reservedKnobName(entry.name))
                valid = false
            }
            guard entry.complete else { continue }
            let knob = entry.spec
            func at(_ key: String) -> PresetLocation {
                entry.fields[key] ?? entry.location.at("\(entry.location.path).\(key)")
            }
            if knob.isChoice {
                for key in ["min", "max", "step", "unit"] where entry.fields[key] != nil {
                    findings.add(.meaning, at: at(key), PresetWording.notForChoiceKnob(key))
                    valid = false
                }
            }
            if knob.step <= 0 {
                findings.add(.meaning, at: at("step"), PresetWording.stepNotPositive(found: knob.step))
                valid = false
            }
            if knob.min > knob.max {
                findings.add(.meaning, at: at("min"), PresetWording.minAboveMax(min: knob.min, max: knob.max))
                valid = false
            } else if !(knob.min...knob.max).contains(knob.value) {
                findings.add(.meaning, at: at("value"), PresetWording.outsideKnob(knob.value, min: knob.min, max: knob.max))
                valid = false
            } else if knob.step > 0, (knob.max - knob.min) / knob.step > PresetLimits.knobSteps {
                findings.add(.meaning, at: at("step"), PresetWording.tooManySteps(step: knob.step, min: knob.min, max: knob.max))
                valid = false
            }
            if valid { specs.append(knob) }
        }
        return specs
    }
}
