// A department's identity across the ways its documents print its name (src/load/identity.ts):
// one department whether a conjunction between two fields of its work is printed or not, and a
// place whose own name holds 和 left whole.
import { describe, expect, it } from 'vitest';
import { departmentIdentity } from '../../src/load/identity.js';

const id = (printed: string) => departmentIdentity(printed).id;

describe('a conjunction between two fields of a department’s work', () => {
  it('gives one department printed with and without 和 (data/002 line 1: 深圳市政务服务和数据管理局 (本级))', () => {
    expect(id('深圳市政务服务和数据管理局 (本级)')).toBe(id('深圳市政务服务数据管理局'));
    expect(departmentIdentity('深圳市政务服务和数据管理局 (本级)').rules).toContain('drop 和 / 与 / 及 between two fields of work');
  });

  it('does the same for any department so named, with 和, 与 or 及', () => {
    expect(id('上海市人力资源和社会保障局')).toBe(id('上海市人力资源社会保障局'));
    expect(id('某市自然资源与规划局')).toBe(id('某市自然资源规划局'));
    expect(id('某县农业农村及水利局')).toBe(id('某县农业农村水利局'));
  });

  it('keeps the display name as printed', () => {
    expect(departmentIdentity('上海市人力资源和社会保障局').name).toBe('上海市人力资源和社会保障局');
  });

  it('leaves a place’s own 和 alone: at the name’s start, after a place’s suffix, before one', () => {
    expect(id('和平区教育局')).toBe('和平区教育局');
    expect(id('天津市和平区财政局')).toBe('天津市和平区财政局');
    expect(id('福建省平和县财政局')).toBe('福建省平和县财政局');
  });

  it('keeps two departments that differ by more than the conjunction apart', () => {
    expect(id('某区科学技术和工业信息化局')).not.toBe(id('某区科学技术局'));
  });
});
